package org.drlp.kernel.linesearch;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.LineSearch;
import org.drlp.spi.LineSearchProvider;
import org.drlp.spi.LineView;
import org.drlp.spi.ProblemForm;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.SeparableProgram;
import org.osgi.service.component.annotations.Component;

/**
 * Line search {@code weighted-median}: Barrodale-Roberts' pass-through search for convex separable
 * programs. Along the edge the slope rises by w_j = -rate_j kink_j at each breakpoint; the walk
 * goes through breakpoints while the slope stays negative and stops at the one where it would turn
 * non-negative, found by weighted selection (a quickselect on the breakpoints' times, summing
 * weights) in expected linear time instead of a sort.
 */
@Component(service = LineSearchProvider.class, property = "name=" + WeightedMedian.NAME)
public final class WeightedMedian implements LineSearchProvider {

    public static final String NAME = "weighted-median";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "convex separable programs: walk through breakpoints while the slope stays negative, "
                + "stopping point by weighted selection (Barrodale-Roberts)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Set<ProblemForm> acceptedForms() {
        return EnumSet.of(ProblemForm.SEPARABLE);
    }

    @Override
    public LineSearch create(Parameters parameters) {
        return new Search();
    }

    /** True when every neuron's kink is convex: the slope only rises along a line. */
    static boolean convexSeparable(ReluProgram program) {
        if (!(program instanceof SeparableProgram separable)) return false;
        for (int j = 0; j < separable.neuronCount(); j++) {
            if (separable.highSlope(j) - separable.lowSlope(j) < 0) return false;
        }
        return true;
    }

    static final class Search implements LineSearch {
        /** Candidates in a sample of the search, to guess where it stops. */
        private static final int STOP_SAMPLE = 64;
        private final double[] sampleT = new double[STOP_SAMPLE];
        private final double[] sampleW = new double[STOP_SAMPLE];

        private double[] candidateT = new double[0];
        private double[] candidateW = new double[0];
        private int[] candidateJ = new int[0];
        private int candidateCount;
        private double candidateWeight;
        private int stopIndex;
        private double step;
        private double decrease;

        @Override
        public String prepare(ReluProgram program) {
            if (!convexSeparable(program)) {
                return "needs a convex separable program (a regression or an LP with convex losses)";
            }
            int m = program.neuronCount();
            candidateT = new double[m];
            candidateW = new double[m];
            candidateJ = new int[m];
            return null;
        }

        @Override
        public boolean passesThrough() {
            return true;
        }

        @Override
        public int search(LineView line) {
            if (!select(line)) return -1;
            for (int q = 0; q < stopIndex; q++) line.cross(candidateJ[q]);
            return candidateJ[stopIndex];
        }

        @Override
        public double step() {
            return step;
        }

        @Override
        public double decrease() {
            return decrease;
        }

        @Override
        public double improvement(LineView line) {
            return select(line) ? decrease : Double.POSITIVE_INFINITY;
        }

        /**
         * Finds the stopping breakpoint; leaves candidates [0, stopIndex) as the neurons to cross.
         *
         * @return false when the slope stays negative past every breakpoint (unbounded)
         */
        private boolean select(LineView line) {
            collectCandidates(line);
            double need = -line.slope() - line.slopeTolerance();
            int lo = 0, hi = candidateCount;
            stopIndex = -1;
            boolean first = true;
            while (hi > lo) {
                if (hi - lo <= 16) {
                    sortRange(lo, hi);
                    for (int q = lo; q < hi; q++) {
                        need -= candidateW[q];
                        if (need <= 0) {
                            stopIndex = q;
                            break;
                        }
                    }
                    break;
                }
                double pivotT = first ? sampledStop(need) : medianOfThree(lo, hi);
                first = false;
                int lt = lo, gt = hi, q = lo;
                while (q < gt) {
                    double t = candidateT[q];
                    if (t < pivotT) swap(lt++, q++);
                    else if (t > pivotT) swap(q, --gt);
                    else q++;
                }
                double left = 0;
                for (int i = lo; i < lt; i++) left += candidateW[i];
                if (lt > lo && left >= need) {
                    hi = lt;
                    continue;
                }
                need -= left;
                boolean found = false;
                for (int i = lt; i < gt; i++) {
                    need -= candidateW[i];
                    if (need <= 0) {
                        stopIndex = i;
                        found = true;
                        break;
                    }
                }
                if (found) break;
                lo = gt;
            }
            if (stopIndex < 0) return false;
            step = candidateT[stopIndex];
            double fall = -line.slope() * step;
            for (int q = 0; q < stopIndex; q++) fall -= candidateW[q] * (step - candidateT[q]);
            decrease = Math.max(0, fall);
            return true;
        }

        private void collectCandidates(LineView line) {
            int m = line.neurons();
            int count = 0;
            double total = 0;
            for (int j = 0; j < m; j++) {
                if (line.critical(j)) continue;
                double rate = line.rate(j);
                if (rate >= -line.rateFloor(j)) continue;
                double w = -rate * line.kink(j);
                candidateT[count] = line.distance(j) / -rate;
                candidateW[count] = w;
                candidateJ[count] = j;
                total += w;
                count++;
            }
            candidateCount = count;
            candidateWeight = total;
        }

        /**
         * A first partition point for the weighted selection: from an evenly spaced sample of the
         * candidates, the breakpoint where the sample's cumulative weight, scaled to all candidates,
         * passes 1.5 times the weight needed. The search usually stops early, so partitioning there
         * leaves a small part to select in instead of halving all candidates again and again.
         */
        private double sampledStop(double need) {
            int count = candidateCount;
            if (count <= 4 * STOP_SAMPLE) return medianOfThree(0, count);
            double sampled = 0;
            for (int s = 0; s < STOP_SAMPLE; s++) {
                int q = (int) ((long) s * count / STOP_SAMPLE);
                double t = candidateT[q], w = candidateW[q];
                int at = s;
                while (at > 0 && sampleT[at - 1] > t) {
                    sampleT[at] = sampleT[at - 1];
                    sampleW[at] = sampleW[at - 1];
                    at--;
                }
                sampleT[at] = t;
                sampleW[at] = w;
                sampled += w;
            }
            if (!(sampled > 0)) return medianOfThree(0, count);
            double scale = candidateWeight / sampled, cumulative = 0;
            for (int s = 0; s < STOP_SAMPLE; s++) {
                cumulative += sampleW[s] * scale;
                if (cumulative >= 1.5 * need) return sampleT[Math.min(STOP_SAMPLE - 1, s + 1)];
            }
            return medianOfThree(0, count);
        }

        private double medianOfThree(int lo, int hi) {
            double a = candidateT[lo], b = candidateT[(lo + hi) >>> 1], c = candidateT[hi - 1];
            return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
        }

        private void sortRange(int lo, int hi) {
            for (int i = lo + 1; i < hi; i++) {
                for (int j = i; j > lo && candidateT[j - 1] > candidateT[j]; j--) swap(j - 1, j);
            }
        }

        private void swap(int a, int b) {
            double t = candidateT[a];
            candidateT[a] = candidateT[b];
            candidateT[b] = t;
            double w = candidateW[a];
            candidateW[a] = candidateW[b];
            candidateW[b] = w;
            int j = candidateJ[a];
            candidateJ[a] = candidateJ[b];
            candidateJ[b] = j;
        }
    }
}

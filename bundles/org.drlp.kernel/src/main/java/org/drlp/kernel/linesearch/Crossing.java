package org.drlp.kernel.linesearch;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.LineSearch;
import org.drlp.spi.LineSearchProvider;
import org.drlp.spi.LineView;
import org.drlp.spi.ReluProgram;
import org.osgi.service.component.annotations.Component;

/**
 * Line search {@code crossing}: pass-through along an edge of a general ReLU program (any program:
 * on a separable one each crossing only raises the slope), the
 * non-convex counterpart of Barrodale-Roberts' weighted-median search. Walks the breakpoints of
 * the line x + t v in increasing t; at each one it asks the program what crossing would change
 * ({@link ReluProgram#flipEffect}) and crosses (flips the neuron) while the slope after the
 * crossing stays below minus the tolerance. It stops, and that neuron enters the basis, at the
 * first breakpoint where the slope would stop being negative or where crossing would change the
 * normal of a critical neuron (a neuron upstream of one in the same branch), so that the edge
 * directions of the other positions stay valid. Every segment walked has a negative slope, so the
 * objective falls strictly along the way; the rates of the neurons downstream of each crossing
 * are updated in place in {@code dz}, so that after the search {@code dz} holds the rates of
 * the final region.
 *
 * <p>The program's preactivations are not valid after a search in which a crossing changed other
 * neurons' rates (flip is then applied away from z = 0, which the SPI does not define): the
 * search tracks those neurons' lines itself, and the caller advances the program and then calls
 * {@link ReluProgram#refresh()} ({@link #needsRefresh()}), unless the program declares
 * {@link ReluProgram#exactFlips()} (the training and argmin programs). Crossing a neuron with nothing
 * downstream (a loss kink) changes no preactivation, so the plain advance stays exact.
 * Breakpoints are kept in a binary heap with lazy deletion. When the line leaves its rate floor to
 * be supplied ({@link FoldedRateFloor}), the first collection computes the largest rate in the same
 * pass and pushes every leaving neuron; those the floor rules out are dropped when they come up.
 *
 * <p>On a program that leaves groups out of its pass ({@link ReluProgram#directionalWithin}) the
 * search reads only the computed groups, and the program's reach is a barrier: before it takes a
 * breakpoint or a bound beyond the reach, it asks the program to {@link ReluProgram#extend} the line
 * and pushes the added groups' breakpoints.
 */
@Component(service = LineSearchProvider.class, property = "name=" + Crossing.NAME)
public final class Crossing implements LineSearchProvider {

    public static final String NAME = "crossing";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "walk through breakpoints one by one (a heap) while the slope stays negative, stopping where a "
                + "crossing would move a critical neuron (general ReLU programs)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public LineSearch create(Parameters parameters) {
        return new Search();
    }

    static final class Search implements LineSearch, ReluProgram.FlipSink, ReadsComputedGroups {

        private final Harris.Search harris = new Harris.Search();
        private LineView line;
        /**
         * Neurons whose rate changed (or that were crossed) in the current search carry the search's
         * epoch here; only for them are {@link #keyOf} and {@link #lineAt} set. Untouched neurons keep
         * their initial heap entry and their line z + dz t, so a search writes nothing per neuron.
         */
        private int[] touched;
        private int epoch;
        /** For touched neurons: the latest crossing time pushed, NaN when none. Heap entries that disagree are stale. */
        private double[] keyOf;
        /** For touched neurons: lineAt[j] + dz[j] t is the value along the line (the current piece extended to t = 0). */
        private double[] lineAt;
        /** Some crossing changed the rate of another neuron: the program's preactivations need a refresh. */
        private boolean changedOthers;
        private double[] heapT;
        private int[] heapJ;
        private int size;

        private int[] changedNeuron;
        private double[] changedRate;
        private int changedCount;
        private boolean touchesCritical;

        private int[] crossed;
        private int crossedCount;

        private double step;
        private double decrease;

        /** Each further pass multiplies the bound by this. */
        private static final double BOUND_GROWTH = 4;
        /** The first bound aims at this many times the breakpoints the last search crossed. */
        private static final double SAFETY = 3;
        private static final int SAMPLE = 4096;
        /** Chunks of the sample's gathering: fixed, so the sample is the same whatever the threads. */
        private static final int SAMPLE_CHUNKS = 8;
        private static final int SAMPLE_PER_CHUNK = SAMPLE / SAMPLE_CHUNKS;
        private final double[] sample = new double[SAMPLE];
        private final int[] sampleCount = new int[SAMPLE_CHUNKS];
        private int sampleStart;
        private int sampleStride;
        private boolean sampleFloorPending;
        private final IntConsumer sampleChunk = this::sampleChunk;
        private int lastCrossings = 1000;

        /**
         * Neurons per chunk of a collection pass: fixed, so that the candidates, merged in chunk order,
         * are pushed in neuron order whatever the threads (the heap, and so the walk, are the same bits).
         */
        static final int NEURONS_PER_CHUNK = 8192;
        private ReluProgram program;
        private int chunkCount;
        /** Per chunk: its candidates' crossing times and neurons, from the chunk's first slot on. */
        private double[] candidateT;
        private int[] candidateJ;
        private int[] candidateCount;
        private double[] chunkLargest;
        // arguments of the pass the chunks run
        private double[] passZ;
        private boolean[] passHigh;
        private double[] passDz;
        private double passLo;
        private double passHi;
        private final IntConsumer collectChunk = this::collectChunk;
        private final IntConsumer foldingChunk = this::collectFoldingChunk;
        // the groups of the current search's line, and its bound (for the groups an extension adds)
        private boolean[] groups;
        private int groupSize;
        /** The computed groups' first steps at which a neuron reaches its kink (null: not given). */
        private double[] groupStep;
        private double bound;
        private final IntConsumer addedGroup = this::pushGroup;

        @Override
        public String prepare(ReluProgram program) {
            int m = program.neuronCount();
            touched = new int[m];
            keyOf = new double[m];
            lineAt = new double[m];
            heapT = new double[Math.max(16, m)];
            heapJ = new int[heapT.length];
            changedNeuron = new int[16];
            changedRate = new double[16];
            crossed = new int[16];
            this.program = program;
            chunkCount = Math.max(1, (m + NEURONS_PER_CHUNK - 1) / NEURONS_PER_CHUNK);
            candidateT = new double[m];
            candidateJ = new int[m];
            candidateCount = new int[chunkCount];
            chunkLargest = new double[chunkCount];
            return null;
        }

        @Override
        public boolean passesThrough() {
            return true;
        }

        @Override
        public boolean readsComputedGroups() {
            return true;
        }

        @Override
        public double step() {
            return step;
        }

        @Override
        public double decrease() {
            return decrease;
        }

        /** As Harris' test would go: a look-ahead that crosses nothing. */
        @Override
        public double improvement(LineView view) {
            return harris.improvement(view);
        }

        /**
         * Walks the line; {@code view.rates()} is updated in place. Returns the neuron that enters the
         * basis at {@link #step}, or -1 when the slope stays negative past every breakpoint (then the
         * crossings are undone).
         */
        @Override
        public int search(LineView view) {
            this.line = view;
            ReluProgram program = view.program();
            double[] v = view.direction();
            double[] dz = view.rates();
            double gamma = view.slope();
            double slopeTol = view.slopeTolerance();
            double[] z = program.preactivations();
            boolean[] high = program.highSide();
            int m = keyOf.length;
            if (++epoch == 0) {
                Arrays.fill(touched, 0);
                epoch = 1;
            }
            size = 0;
            // Only breakpoints up to a bound go into the heap; the bound grows (another pass over the
            // neurons) when the search gets there. It is estimated from a sample of the neurons, so
            // that a pass collects a few times the breakpoints the last search crossed, not every neuron.
            FoldedRateFloor fold = view instanceof FoldedRateFloor f && f.floorPending() ? f : null;
            PivotTolerance guard = view instanceof PivotTolerance g ? g : null;
            groups = program.computedGroups();
            groupSize = groups == null ? 0 : program.groupSize();
            groupStep = groups == null ? null : program.groupSteps();
            double reach = program.reach();
            bound = sampledBound(z, high, dz, SAFETY * (lastCrossings + 64), fold != null);
            // the floor is one number on a general program: the folded pass compares with it at pop time
            double floor = 0;
            if (fold != null) {
                fold.largestRate(collectFolding(z, high, dz, bound));
                floor = view.rateFloor(0);
            } else {
                collect(z, high, dz, -1, bound);
            }
            int passes = 0;
            crossedCount = 0;
            changedOthers = false;
            double slope = gamma, at = 0, fall = 0;
            while (true) {
                // the next event: a breakpoint, or the bound's growth; beyond the reach the line needs more groups
                double upcoming = size == 0 || heapT[0] > bound ? bound : heapT[0];
                if (upcoming > reach) {
                    reach = program.extend(upcoming, addedGroup);
                    continue;
                }
                if (size == 0 || heapT[0] > bound) {
                    if (bound == Double.POSITIVE_INFINITY) {
                        if (size == 0) break;
                    } else {
                        double next = bound * BOUND_GROWTH;
                        if (++passes >= 6 || !(next > bound)) next = Double.POSITIVE_INFINITY;
                        collect(z, high, dz, bound, next);
                        bound = next;
                        continue;
                    }
                }
                double t = heapT[0];
                int j = heapJ[0];
                removeTop();
                if (touched[j] == epoch) {
                    if (keyOf[j] != t) continue; // stale: j's rate changed, or j was crossed
                } else if (fold != null && (high[j] ? dz[j] : -dz[j]) >= -floor) {
                    continue; // pushed by the folded pass before the floor was known
                }
                fall -= slope * (t - at);
                at = t;
                changedCount = 0;
                touchesCritical = false;
                double after = slope + program.flipEffect(j, v, this);
                if (touchesCritical || after >= -slopeTol) {
                    // a rate that is round-off does not stop the line (see PivotTolerance)
                    if (guard != null && guard.negligiblePivot(j)) continue;
                    step = t;
                    lastCrossings = crossedCount;
                    decrease = Math.max(0, fall);
                    return j;
                }
                // first touches read z before the flip: a flip changes no preactivation that flipEffect
                // does not report, so z is still the start value for every neuron not touched before
                for (int q = 0; q < changedCount; q++) touch(changedNeuron[q], z);
                touch(j, z);
                view.cross(j);
                keyOf[j] = Double.NaN;
                record(j);
                slope = after;
                if (changedCount > 0) changedOthers = true;
                for (int q = 0; q < changedCount; q++) {
                    int k = changedNeuron[q];
                    // the value is continuous at t, only the rate changes
                    lineAt[k] -= changedRate[q] * t;
                    dz[k] += changedRate[q];
                    double rate = high[k] ? dz[k] : -dz[k];
                    if (rate >= -view.rateFloor(k)) {
                        keyOf[k] = Double.NaN;
                        continue;
                    }
                    double value = lineAt[k] + dz[k] * t;
                    double when = t + Math.max(0, high[k] ? value : -value) / -rate;
                    keyOf[k] = when;
                    push(when, k);
                }
            }
            for (int q = crossedCount - 1; q >= 0; q--) view.cross(crossed[q]);
            crossedCount = 0;
            return -1;
        }

        /**
         * A crossing time below which about {@code wanted} neurons cross, from every (m / SAMPLE)-th
         * neuron; infinity when the sample cannot tell (small programs, few candidates). The sample is
         * gathered in chunks on the program's threads (its reads are cache misses, one per neuron
         * sampled) and the bound is the sample's order statistic, which does not depend on the order
         * the chunks leave it in.
         */
        private double sampledBound(double[] z, boolean[] high, double[] dz, double wanted, boolean floorPending) {
            int m = keyOf.length;
            if (m < 4 * SAMPLE) return Double.POSITIVE_INFINITY;
            if (!floorPending) line.rateFloor(0); // computed here, not by the chunks at once
            startPass(z, high, dz, 0, 0);
            sampleStride = m / SAMPLE;
            sampleStart = epoch % sampleStride;
            sampleFloorPending = floorPending;
            program.forEachChunk(SAMPLE_CHUNKS, sampleChunk);
            int count = 0;
            for (int c = 0; c < SAMPLE_CHUNKS; c++) {
                int from = c * SAMPLE_PER_CHUNK;
                System.arraycopy(sample, from, sample, count, sampleCount[c]);
                count += sampleCount[c];
            }
            endPass();
            int index = (int) Math.ceil(wanted / sampleStride);
            if (index >= count) return Double.POSITIVE_INFINITY;
            return select(sample, count, index);
        }

        /** Sample positions q of chunk c: neuron sampleStart + q * stride, those that may cross, into sample[c * SAMPLE_PER_CHUNK..]. */
        private void sampleChunk(int chunk) {
            boolean floorPending = sampleFloorPending;
            int stride = sampleStride, from = chunk * SAMPLE_PER_CHUNK, kept = from;
            for (int q = from; q < from + SAMPLE_PER_CHUNK; q++) {
                int j = sampleStart + q * stride;
                if (groups != null && !groups[j / groupSize]) continue;
                boolean up = passHigh[j];
                double rate = up ? passDz[j] : -passDz[j];
                if (rate >= (floorPending ? 0 : -line.rateFloor(j)) || line.critical(j)) continue;
                sample[kept++] = Math.max(0, up ? passZ[j] : -passZ[j]) / -rate;
            }
            sampleCount[chunk] = kept - from;
        }

        /**
         * The k-th smallest of values[0..count) (k from 0), as values[k] after sorting them: Hoare's
         * selection, which reorders the values. They are crossing times, never NaN.
         */
        static double select(double[] values, int count, int k) {
            int lo = 0, hi = count - 1;
            while (lo < hi) {
                double pivot = values[(lo + hi) >>> 1];
                int i = lo, j = hi;
                while (i <= j) {
                    while (values[i] < pivot) i++;
                    while (values[j] > pivot) j--;
                    if (i <= j) {
                        double t = values[i];
                        values[i++] = values[j];
                        values[j--] = t;
                    }
                }
                // values[lo..j] <= pivot <= values[i..hi], and the ones between equal the pivot
                if (k <= j) hi = j;
                else if (k >= i) lo = i;
                else return values[k];
            }
            return values[k];
        }

        /**
         * Pushes every untouched, non-critical neuron that leaves its side along the line with its
         * crossing time t in (lo, hi]: t = max(0, oriented z) / -rate, compared without dividing.
         */
        private void collect(double[] z, boolean[] high, double[] dz, double lo, double hi) {
            line.rateFloor(0); // a pending floor is computed here, not by the chunks at once
            startPass(z, high, dz, lo, hi);
            if (chunkCount == 1) collectChunk(0);
            else program.forEachChunk(chunkCount, collectChunk);
            mergeCandidates();
        }

        private void collectChunk(int chunk) {
            keepCandidates(chunk, chunk * NEURONS_PER_CHUNK, scanChunk(chunk, passLo, false), false);
        }

        /**
         * {@link #leavingWithin} (lo, passHi] over the computed groups of the chunk's neurons (all of
         * them when every group is computed) that may reach a kink within passHi; with
         * {@code largest}, also the largest |rate| of the non-critical neurons of every computed group
         * into chunkLargest. Returns the slot after the last candidate. A group whose first kink is
         * beyond passHi holds no candidate: its untouched neurons' lines are those the step was
         * measured on.
         */
        private int scanChunk(int chunk, double lo, boolean largest) {
            int from = chunk * NEURONS_PER_CHUNK, to = Math.min(keyOf.length, from + NEURONS_PER_CHUNK);
            int slot = from;
            double max = 0;
            for (int a = from; a < to; ) {
                int b = to;
                boolean scan = true;
                if (groups != null) {
                    int g = a / groupSize;
                    b = Math.min(to, (g + 1) * groupSize);
                    if (!groups[g]) {
                        a = b;
                        continue;
                    }
                    scan = groupStep == null || groupStep[g] <= passHi;
                }
                if (largest) max = largestRate(a, b, max);
                if (scan) slot = leavingWithin(passZ, passHigh, passDz, lo, passHi, a, b, slot);
                a = b;
            }
            if (largest) chunkLargest[chunk] = max;
            return slot;
        }

        /** The largest of {@code max} and the |rate| of the non-critical neurons of from..to-1. */
        private double largestRate(int from, int to, double max) {
            for (int j = from; j < to; j++) {
                double size = Math.abs(passDz[j]);
                if (size > max && !line.critical(j)) max = size;
            }
            return max;
        }

        /** Pushes the breakpoints up to the bound of a group the program added to the line (none is touched yet). */
        private void pushGroup(int g) {
            for (int j = g * groupSize, end = j + groupSize; j < end; j++) {
                double rate = line.rate(j);
                if (rate >= -line.rateFloor(j) || line.critical(j)) continue;
                double t = line.distance(j) / -rate;
                if (t <= bound) push(t, j);
            }
        }

        /**
         * Keeps, of the neurons {@link #leavingWithin} found in candidateJ[from..found), those that
         * may enter the heap, with their crossing times, as chunk {@code chunk}'s candidates. The
         * first collection of a line whose floor is pending keeps every non-critical one with a
         * negative rate ({@code folding}: nothing is touched yet, the floor is applied at pop time);
         * later ones apply the floor and skip the neurons this search touched.
         */
        private void keepCandidates(int chunk, int from, int found, boolean folding) {
            int slot = from;
            for (int q = from; q < found; q++) {
                int j = candidateJ[q];
                double rate = passHigh[j] ? passDz[j] : -passDz[j];
                boolean dropped = folding ? rate >= 0 : rate >= -line.rateFloor(j) || touched[j] == epoch;
                if (dropped || line.critical(j)) continue;
                candidateT[slot] = Math.max(0, passHigh[j] ? passZ[j] : -passZ[j]) / -rate;
                candidateJ[slot++] = j;
            }
            candidateCount[chunk] = slot - from;
        }

        /**
         * Writes to candidateJ[slot..] every neuron of from..to-1 whose oriented rate is negative (or
         * -0.0, which the callers drop) and whose crossing time is in (lo, hi], in increasing order,
         * and returns the slot after the last. Without a branch on the neuron: whether a rate points
         * to its kink is a coin toss, and the mispredicted tests cost more than the arithmetic (this
         * form takes about a third of the time on a training program). The few found are then
         * filtered by what costs a lookup (the rate floor, critical, touched).
         */
        private int leavingWithin(double[] z, boolean[] high, double[] dz, double lo, double hi, int from, int to, int slot) {
            boolean all = hi == Double.POSITIVE_INFINITY;
            for (int j = from; j < to; j++) {
                double side = (high[j] ? 2 : 0) - 1;
                double rate = side * dz[j];
                double num = Math.max(side * z[j], 0.0);
                candidateJ[slot] = j;
                int toward = (int) (Double.doubleToRawLongBits(rate) >>> 63);
                int within = all || num <= -rate * hi ? 1 : 0;
                int after = num > -rate * lo ? 1 : 0;
                slot += toward & within & after;
            }
            return slot;
        }

        /**
         * The first collection of a line whose floor is pending: pushes every non-critical neuron
         * that leaves its side with crossing time in [0, hi] and returns the largest |rate| of the
         * non-critical neurons (nothing is touched yet in this search).
         */
        private double collectFolding(double[] z, boolean[] high, double[] dz, double hi) {
            startPass(z, high, dz, -1, hi);
            if (chunkCount == 1) collectFoldingChunk(0);
            else program.forEachChunk(chunkCount, foldingChunk);
            mergeCandidates();
            // the largest of the chunks' largest: a maximum, the same whatever the order
            double largest = 0;
            for (int c = 0; c < chunkCount; c++) largest = Math.max(largest, chunkLargest[c]);
            return largest;
        }

        private void collectFoldingChunk(int chunk) {
            keepCandidates(chunk, chunk * NEURONS_PER_CHUNK, scanChunk(chunk, -1, true), true);
        }

        private void startPass(double[] z, boolean[] high, double[] dz, double lo, double hi) {
            passZ = z;
            passHigh = high;
            passDz = dz;
            passLo = lo;
            passHi = hi;
        }

        /** Pushes every chunk's candidates, chunk after chunk: the order a single pass pushes them in. */
        private void mergeCandidates() {
            for (int c = 0; c < chunkCount; c++) {
                int from = c * NEURONS_PER_CHUNK, to = from + candidateCount[c];
                for (int q = from; q < to; q++) push(candidateT[q], candidateJ[q]);
            }
            endPass();
        }

        /** The pass is over: the search holds none of its arrays beyond it. */
        private void endPass() {
            passZ = null;
            passHigh = null;
            passDz = null;
        }

        /** True when the last search crossed a neuron that changed other neurons' rates (see the class comment). */
        @Override
        public boolean needsRefresh() {
            return changedOthers;
        }

        /** Starts tracking neuron k's line in this search (no-op when already tracked). */
        private void touch(int k, double[] z) {
            if (touched[k] == epoch) return;
            touched[k] = epoch;
            lineAt[k] = z[k];
            keyOf[k] = Double.NaN;
        }

        @Override
        public void accept(int neuron, double change) {
            if (change == 0) return;
            if (line.critical(neuron)) {
                touchesCritical = true;
                return;
            }
            if (changedCount == changedNeuron.length) {
                changedNeuron = Arrays.copyOf(changedNeuron, 2 * changedCount);
                changedRate = Arrays.copyOf(changedRate, 2 * changedCount);
            }
            changedNeuron[changedCount] = neuron;
            changedRate[changedCount] = change;
            changedCount++;
        }

        private void record(int j) {
            if (crossedCount == crossed.length) crossed = Arrays.copyOf(crossed, 2 * crossedCount);
            crossed[crossedCount++] = j;
        }

        private void grow() {
            heapT = Arrays.copyOf(heapT, 2 * heapT.length);
            heapJ = Arrays.copyOf(heapJ, 2 * heapJ.length);
        }

        private void push(double t, int j) {
            if (size == heapT.length) grow();
            int q = size++;
            while (q > 0) {
                int parent = (q - 1) >>> 1;
                if (heapT[parent] <= t) break;
                heapT[q] = heapT[parent];
                heapJ[q] = heapJ[parent];
                q = parent;
            }
            heapT[q] = t;
            heapJ[q] = j;
        }

        private void removeTop() {
            size--;
            if (size == 0) return;
            heapT[0] = heapT[size];
            heapJ[0] = heapJ[size];
            siftDown(0);
        }

        private void siftDown(int q) {
            double t = heapT[q];
            int j = heapJ[q];
            int half = size >>> 1;
            while (q < half) {
                int child = 2 * q + 1;
                if (child + 1 < size && heapT[child + 1] < heapT[child]) child++;
                if (heapT[child] >= t) break;
                heapT[q] = heapT[child];
                heapJ[q] = heapJ[child];
                q = child;
            }
            heapT[q] = t;
            heapJ[q] = j;
        }
    }
}

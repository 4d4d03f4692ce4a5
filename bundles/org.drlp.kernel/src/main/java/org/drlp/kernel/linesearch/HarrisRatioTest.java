package org.drlp.kernel.linesearch;

import org.drlp.spi.BlockingTies;
import org.drlp.spi.DegeneracyRule;
import org.drlp.spi.LineView;

/**
 * Harris' two-pass ratio test: the neuron that blocks the edge first. Pass one finds the smallest
 * crossing time with every neuron's tolerance added; pass two takes, among the neurons that cross
 * by then, the one with the largest rate (a well-conditioned pivot). The walk also uses it on its
 * own: while the anti-cycling rule is active (the rule then picks among the ties) and to tell
 * whether a flat free direction is blocked.
 */
public final class HarrisRatioTest {

    /** A tie qualifies for the anti-cycling rule only if its rate is at least this share of the largest. */
    private static final double TIE_PIVOT_FRACTION = 1e-3;

    private final Ties ties = new Ties();

    /** The blocking neuron, or -1 when none blocks (the edge is unbounded). */
    public int blocking(LineView line) {
        return blocking(line, null);
    }

    /**
     * The blocking neuron; when {@code rule} is not null, the rule's choice among the
     * well-conditioned ties.
     */
    public int blocking(LineView line, DegeneracyRule rule) {
        int m = line.neurons();
        double bound = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            if (line.critical(j)) continue;
            double rate = line.rate(j);
            if (rate >= -line.rateFloor(j)) continue;
            double t = (line.distance(j) + line.tolerance(j)) / -rate;
            if (t < bound) bound = t;
        }
        if (bound == Double.POSITIVE_INFINITY) return -1;
        int best = -1;
        double bestRate = 0;
        for (int j = 0; j < m; j++) {
            if (line.critical(j)) continue;
            double rate = line.rate(j);
            if (rate >= -line.rateFloor(j)) continue;
            double t = line.distance(j) / -rate;
            if (t > bound) continue;
            if (-rate > bestRate) {
                bestRate = -rate;
                best = j;
            }
        }
        if (rule == null) return best;
        ties.reset(m);
        for (int j = 0; j < m; j++) {
            if (line.critical(j)) continue;
            double rate = line.rate(j);
            // a tiny pivot would make the basis numerically singular
            if (-rate < TIE_PIVOT_FRACTION * bestRate) continue;
            if (line.distance(j) / -rate <= bound) ties.add(j, rate);
        }
        if (ties.count == 0) return best;
        int q = rule.chooseBlocking(ties);
        if (q < 0 || q >= ties.count) {
            throw new IllegalStateException("chose tie " + q + " of " + ties.count);
        }
        return ties.neuron[q];
    }

    /** The ties of the last test, kept in arrays of the program's size (allocated once per walk). */
    private static final class Ties implements BlockingTies {
        int[] neuron = new int[0];
        double[] rate = new double[0];
        int count;

        void reset(int m) {
            if (neuron.length < m) {
                neuron = new int[m];
                rate = new double[m];
            }
            count = 0;
        }

        void add(int j, double r) {
            neuron[count] = j;
            rate[count] = r;
            count++;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public int neuron(int q) {
            return neuron[q];
        }

        @Override
        public double rate(int q) {
            return rate[q];
        }
    }
}

package org.drlp.kernel.degeneracy;

import org.drlp.spi.SeparableProgram;

/**
 * Sides for the neurons of a convex separable program that sit at their kink, chosen to keep the
 * gradient short. At an exact or partly exact fit most neurons are there: the signs of their
 * round-off (or the order in which a line search crossed a tie) give a gradient of sqrt(count)
 * random terms, far outside what the n critical neurons can balance, and the walk would need a
 * zero-length pivot for each of many misplaced neurons. Greedily, each such neuron takes the side
 * that makes c + sum_j phi'_j a_j shortest so far, which keeps it about as long as a few rows'
 * terms. The point and the objective do not change: at the kink both sides give the same value.
 */
public final class KinkBalance {

    private KinkBalance() {
    }

    /**
     * @param choose neurons whose side to choose (written into {@code side})
     * @param ignore neurons left out of the gradient (the critical set, whose duals the walk chooses)
     * @param side   the pattern; read for the other neurons
     */
    public static void balance(SeparableProgram program, boolean[] choose, boolean[] ignore, boolean[] side) {
        int m = program.neuronCount(), n = program.dimension();
        double[] lambda = new double[m];
        for (int j = 0; j < m; j++) {
            if (!choose[j] && !ignore[j]) lambda[j] = side[j] ? program.highSlope(j) : program.lowSlope(j);
        }
        double[] g = new double[n];
        program.stationarity(lambda, g);
        double[] a = new double[n];
        for (int j = 0; j < m; j++) {
            if (!choose[j] || ignore[j]) continue;
            program.normal(j, a);
            double ga = 0, aa = 0;
            for (int i = 0; i < n; i++) {
                ga += g[i] * a[i];
                aa += a[i] * a[i];
            }
            double low = program.lowSlope(j), high = program.highSlope(j);
            // |g + l a|^2 - |g|^2 = l (2 g.a + l |a|^2)
            boolean toHigh = high * (2 * ga + high * aa) < low * (2 * ga + low * aa);
            double l = toHigh ? high : low;
            for (int i = 0; i < n; i++) g[i] += l * a[i];
            side[j] = toHigh;
        }
    }
}

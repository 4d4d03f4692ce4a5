package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The inference methods' own quantile regression against an LP oracle (commons-math3's simplex). */
class QuantileWalkTest {

    @Test
    void reachesTheLinearProgramsOptimumFromAnyStartingVertex() {
        Random random = new Random(11);
        for (int trial = 0; trial < 12; trial++) {
            int n = 40 + random.nextInt(40), p = 2 + random.nextInt(3);
            double[][] features = new double[n][p - 1];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < p - 1; c++) features[i][c] = 10 * random.nextGaussian();
                y[i] = 3 + features[i][0] + Math.exp(random.nextGaussian());
            }
            double[] design = Fixtures.withIntercept(features);
            double tau = 0.05 + 0.9 * random.nextDouble();
            int offset = trial, rows = n;
            int[] preference = IntStream.range(0, n).map(i -> (i * 7 + offset) % rows).toArray();
            double[] beta = QuantileWalk.fit(design, y, p, tau, QuantileWalk.independentRows(design, p, preference));
            double optimum = Fixtures.linearProgramOptimum(design, y, p, Fixtures.quantile(tau));
            double objective = Fixtures.objective(design, y, p, Fixtures.quantile(tau), beta);
            assertEquals(optimum, objective, 1e-9 * optimum, "trial " + trial + " tau " + tau);
        }
    }

    @Test
    void stackLossMedianIsTheKnownExactFit() {
        double[] design = Fixtures.stackLossDesign();
        int[] start = QuantileWalk.independentRows(design, 4, IntStream.range(0, 21).toArray());
        double[] beta = QuantileWalk.fit(design, Fixtures.stackLossTarget(), 4, 0.5, start);
        assertArrayEquals(new double[] {287.0 / 345, 66.0 / 115, -7.0 / 115, -13693.0 / 345}, beta, 1e-9);
    }

    @Test
    void theLargestSlopeAmongManyMinimisersIsTaken() {
        // the iid sparsity's median line of stack-loss at tau 0.5 (R: rq(ord.resid ~ xt) warns "nonunique"):
        // the lines through points 1 and 7 and through 2 and 7 both minimise; R's is the second, the steeper
        double[] y = {-1.463768115942038150, -1.217391304347827941, -1.000000000000007105, -0.426086956521741556,
                -0.020289855072451957, 0.040579710144942993, 0.486956521739124071, 0.527536231884070617,
                1.182608695652175079};
        double[] line = new double[18];
        for (int k = 0; k < 9; k++) {
            line[2 * k] = 1;
            line[2 * k + 1] = (5 + k) / 17.0;
        }
        boolean[] flat = new boolean[1];
        double[] beta = QuantileWalk.fitLargest(line, y, 2, 0.5, new int[] {0, 8}, 1, flat);
        assertTrue(flat[0]);
        assertEquals(-3.2626086956521703, beta[0], 1e-12);
        assertEquals(5.7947826086956367, beta[1], 1e-12);
        // generic values: one minimiser
        Random random = new Random(3);
        for (int k = 0; k < 9; k++) y[k] = random.nextGaussian();
        QuantileWalk.fitLargest(line, y, 2, 0.5, new int[] {0, 8}, 1, flat);
        assertFalse(flat[0]);
    }
}

package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.api.Test;

/** The kernel minimising networks over their input, against dense grids and perturbations. */
class ArgminWalkTest {

    /** The paper's set-up: n = 2, widths [10, 10, 10, 10, 10], x0 ~ U(-20, 20)^2. */
    @Test
    void randomDeepNetworksEndAtLocalMinimaOrUnbounded() {
        int minima = 0;
        for (long seed = 1; seed <= 30; seed++) {
            Network net = Network.random(2, new int[] {10, 10, 10, 10, 10}, -1, 1, seed);
            WalkChecks checks = new WalkChecks(() -> new ArgminProgram(net), net::evaluate);
            SplittableRandom random = new SplittableRandom(seed);
            double[] start = Oracle.uniform(random, 2, -20, 20);
            SolveResult result = checks.solve(start, seed % 2 == 0 ? Pivots.DANTZIG : Pivots.STEEPEST, true);
            checks.assertMonotone();
            assertTrue(result.objective() <= net.evaluate(start) + 1e-9 * (1 + Math.abs(net.evaluate(start))));
            assertTrue(ARGMIN_END_STATES.contains(result.status()), result.status() + ": " + result.message());
            if (result.status() != SolveStatus.LOCAL_MINIMUM) continue;
            minima++;
            checks.assertLocalMinimum(result, random);
            assertNoLowerPointOnALocalGrid(net, result.point(), 1e-4);
        }
        assertTrue(minima >= 5, "most random networks have a local minimum near the start: " + minima);
    }

    /** Convex networks (non-negative weights after the first layer): OPTIMAL, and no grid point is lower. */
    @Test
    void convexNetworksReachTheGlobalMinimumOfADenseGrid() {
        for (long seed = 1; seed <= 10; seed++) {
            Network positive = Network.random(2, new int[] {8, 6}, 0, 1, seed);
            double[][] w = {Oracle.uniform(new SplittableRandom(seed), 16, -1, 1), positive.weights(2), positive.weights(3)};
            double[][] b = {Oracle.uniform(new SplittableRandom(seed + 50), 8, -1, 1), positive.biases(2), positive.biases(3)};
            Network net = new Network(2, w, b);
            WalkChecks checks = new WalkChecks(() -> new ArgminProgram(net), net::evaluate);
            SolveResult result = checks.solve(new double[] {3, -4}, Pivots.DANTZIG, true);
            assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
            checks.assertMonotone();
            double gridMin = Double.POSITIVE_INFINITY;
            for (int i = 0; i <= 400; i++) {
                for (int j = 0; j <= 400; j++) {
                    gridMin = Math.min(gridMin, net.evaluate(new double[] {-10 + i * 0.05, -10 + j * 0.05}));
                }
            }
            assertTrue(result.objective() <= gridMin + 1e-9, result.objective() + " above the grid minimum " + gridMin);
        }
    }

    /** One input: the walk's end point is at least as low as every point of a fine grid around it. */
    @Test
    void oneDimensionalNetworksAgainstAFineGrid() {
        for (long seed = 1; seed <= 20; seed++) {
            Network net = Network.random(1, new int[] {50, 10, 10}, -1, 1, seed);
            WalkChecks checks = new WalkChecks(() -> new ArgminProgram(net), net::evaluate);
            SolveResult result = checks.solve(new double[] {seed - 10.0}, Pivots.DANTZIG, true);
            checks.assertMonotone();
            assertTrue(ARGMIN_END_STATES.contains(result.status()), result.status() + ": " + result.message());
            if (result.status() == SolveStatus.UNBOUNDED) {
                double x = result.point()[0];
                double f = net.evaluate(result.point());
                assertTrue(net.evaluate(new double[] {x + 1e3}) < f || net.evaluate(new double[] {x - 1e3}) < f,
                        "unbounded: f keeps falling far out on one side");
                continue;
            }
            assertEquals(SolveStatus.LOCAL_MINIMUM, result.status(), result.message());
            assertNoLowerPointOnALocalGrid(net, result.point(), 1e-3);
        }
    }

    /** A network can fall without bound over its input; otherwise the walk ends certified. */
    static final Set<SolveStatus> ARGMIN_END_STATES = EnumSet.of(SolveStatus.LOCAL_MINIMUM, SolveStatus.UNBOUNDED);

    /** f(x*) <= f on a 41^d grid of half-width {@code radius} around x*. */
    private static void assertNoLowerPointOnALocalGrid(Network net, double[] x, double radius) {
        double f = net.evaluate(x);
        int d = x.length, points = (int) Math.pow(41, d);
        for (int p = 0; p < points; p++) {
            double[] y = x.clone();
            int rest = p;
            for (int c = 0; c < d; c++) {
                y[c] += radius * ((rest % 41) - 20) / 20.0;
                rest /= 41;
            }
            assertTrue(net.evaluate(y) >= f - 1e-10 * (1 + Math.abs(f)), "grid point lower than the end point");
        }
    }
}

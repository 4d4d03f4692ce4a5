package org.drlp.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.spi.PivotRule;
import org.junit.jupiter.api.Test;

/**
 * The kernel on general (non-separable) ReLU programs: regression written as a network against a
 * brute-force vertex enumeration, and random deep networks against recomputation from scratch,
 * finite differences and random perturbations.
 */
class GeneralPathTest {

    private static final SolverOptions OPTIONS = SolverOptions.defaults();

    static final PivotRule DANTZIG = edges -> {
        int best = -1;
        for (int e = 0; e < edges.size(); e++) {
            if (edges.improving(e) && (best < 0 || edges.slope(e) < edges.slope(best))) best = e;
        }
        return best;
    };

    static final PivotRule STEEPEST = edges -> {
        int best = -1;
        for (int e = 0; e < edges.size(); e++) {
            if (edges.improving(e) && (best < 0 || edges.slope(e) / Math.sqrt(edges.normSquared(e))
                    < edges.slope(best) / Math.sqrt(edges.normSquared(best)))) {
                best = e;
            }
        }
        return best;
    };

    static final PivotRule GREATEST_IMPROVEMENT = edges -> {
        int best = -1;
        for (int e = 0; e < edges.size(); e++) {
            if (edges.improving(e) && (best < 0 || edges.improvement(e) > edges.improvement(best))) best = e;
        }
        return best;
    };

    @Test
    void regressionAsANetworkReachesTheBestVertex() {
        Random random = new Random(17);
        for (int trial = 0; trial < 30; trial++) {
            int rows = 6 + random.nextInt(5), n = 2 + random.nextInt(2);
            double[] design = new double[rows * n];
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < n - 1; c++) design[i * n + c] = random.nextGaussian();
                design[i * n + n - 1] = 1;
                y[i] = random.nextGaussian();
            }
            double tau = trial % 2 == 0 ? 0.5 : 0.1 + 0.8 * random.nextDouble();
            DenseNetwork network = DenseNetwork.regression(design, y, n, -tau, 1 - tau);
            double best = bestVertexValue(network, design, y, n);
            for (PivotRule rule : new PivotRule[] {DANTZIG, STEEPEST, GREATEST_IMPROVEMENT}) {
                SolveResult result = new VertexWalkSolver().solve(
                        DenseNetwork.regression(design, y, n, -tau, 1 - tau), new double[n], rule, OPTIONS, null);
                assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
                assertEquals(best, result.objective(), 1e-9 * (1 + best));
                assertEquals(best, network.evaluate(result.point()), 1e-9 * (1 + best));
            }
        }
    }

    /** The smallest objective over every vertex: every n-subset of data points interpolated exactly. */
    private static double bestVertexValue(DenseNetwork network, double[] design, double[] y, int n) {
        int rows = y.length;
        double best = Double.POSITIVE_INFINITY;
        int[] subset = new int[n];
        for (int i = 0; i < n; i++) subset[i] = i;
        while (true) {
            double[][] a = new double[n][n];
            double[] b = new double[n];
            for (int r = 0; r < n; r++) {
                System.arraycopy(design, subset[r] * n, a[r], 0, n);
                b[r] = y[subset[r]];
            }
            var lu = new org.apache.commons.math3.linear.LUDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(a));
            if (lu.getSolver().isNonSingular()) {
                double[] x = lu.getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(b)).toArray();
                best = Math.min(best, network.evaluate(x));
            }
            int i = n - 1;
            while (i >= 0 && subset[i] == rows - n + i) i--;
            if (i < 0) return best;
            subset[i]++;
            for (int j = i + 1; j < n; j++) subset[j] = subset[j - 1] + 1;
        }
    }

    @Test
    void deepNetworksKeepTheirInvariantsAtEveryStep() {
        Random random = new Random(4);
        int solved = 0;
        for (int trial = 0; trial < 25; trial++) {
            int n = 2 + random.nextInt(3);
            DenseNetwork network = DenseNetwork.random(n, new int[] {6, 5, 4}, 100 + trial);
            double[] x0 = new double[n];
            for (int c = 0; c < n; c++) x0[c] = 20 * (2 * random.nextDouble() - 1);
            VertexWalk[] holder = new VertexWalk[1];
            List<Double> trace = new ArrayList<>();
            double[] worstDrift = {0};
            holder[0] = new VertexWalk(network, trial % 2 == 0 ? DANTZIG : STEEPEST, OPTIONS,
                    (it, f, step, in, out, flips, nanos) -> {
                        trace.add(f);
                        if (it > 0) worstDrift[0] = Math.max(worstDrift[0], WalkProbe.directionDrift(holder[0]));
                        assertEquals(network.evaluate(network.point()), f, 1e-8 * (1 + Math.abs(f)),
                                "tracked objective equals the network's value");
                    });
            SolveResult result = holder[0].solve(x0);
            if (result.status() == SolveStatus.UNBOUNDED) continue;
            assertEquals(SolveStatus.LOCAL_MINIMUM, result.status(), result.message());
            solved++;
            assertTrue(worstDrift[0] < 1e-8, "F1 and Sherman-Morrison updates match A^-1: drift " + worstDrift[0]);
            for (int s = 1; s < trace.size(); s++) {
                assertTrue(trace.get(s) <= trace.get(s - 1) + 1e-9 * (1 + Math.abs(trace.get(0))),
                        "objective rose at step " + s);
            }
            checkLocalMinimum(network, holder[0], result, random);
        }
        assertTrue(solved >= 10, "most random networks are bounded below from their start: " + solved);
    }

    /**
     * The pass-through line search on general programs (DenseNetwork keeps the default exactFlips()
     * = false, so the walk refreshes it after each search): same certified ends as stopping at the
     * first breakpoint, never a higher objective at any step, and fewer pivots overall.
     */
    @Test
    void passThroughOnDeepNetworksEndsCertifiedWithFewerPivots() {
        Random random = new Random(8);
        long pivotsWith = 0, pivotsWithout = 0, crossings = 0;
        int solved = 0;
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + random.nextInt(3);
            double[] x0 = new double[n];
            for (int c = 0; c < n; c++) x0[c] = 20 * (2 * random.nextDouble() - 1);
            SolveResult[] results = new SolveResult[2];
            for (int on = 0; on < 2; on++) {
                DenseNetwork network = DenseNetwork.random(n, new int[] {8, 6, 4}, 300 + trial);
                List<Double> trace = new ArrayList<>();
                VertexWalk walk = new VertexWalk(network, DANTZIG, WalkProbe.with(OPTIONS, "lineSearch", on == 1 ? "auto" : "harris"),
                        (it, f, step, in, out, flips, nanos) -> {
                            trace.add(f);
                            assertEquals(network.evaluate(network.point()), f, 1e-8 * (1 + Math.abs(f)));
                        });
                results[on] = walk.solve(x0.clone());
                for (int s = 1; s < trace.size(); s++) {
                    assertTrue(trace.get(s) <= trace.get(s - 1) + 1e-9 * (1 + Math.abs(trace.get(0))),
                            "objective rose at step " + s);
                }
                if (results[on].status() == SolveStatus.LOCAL_MINIMUM) checkLocalMinimum(network, walk, results[on], random);
                else assertEquals(SolveStatus.UNBOUNDED, results[on].status(), results[on].message());
            }
            if (results[0].status() != SolveStatus.LOCAL_MINIMUM || results[1].status() != SolveStatus.LOCAL_MINIMUM) {
                continue;
            }
            solved++;
            pivotsWithout += results[0].iterations();
            pivotsWith += results[1].iterations();
            crossings += results[1].regionChanges() - results[0].regionChanges();
        }
        assertTrue(solved >= 10, "most random networks are bounded below from their start: " + solved);
        assertTrue(crossings > 0, "the line search crossed breakpoints");
        assertTrue(pivotsWith < pivotsWithout, "pivots with pass-through " + pivotsWith + ", without " + pivotsWithout);
    }

    /**
     * Every line search that applies to a network (harris, crossing, auto), with each anti-cycling
     * rule and refactorisation policy: the walk ends LOCAL_MINIMUM with slopes that match finite
     * differences (or UNBOUNDED), the tracked objective equals the network's value and never rises,
     * and the maintained directions match A^-1. The weighted median refuses a network.
     */
    @Test
    void everyApplicableStrategyOnDeepNetworksEndsCertifiedAndMonotone() {
        Random random = new Random(21);
        String[][] combinations = {
                {"harris", "bland-after", "every"}, {"crossing", "bland-after", "every"},
                {"auto", "random-after", "adaptive"}, {"crossing", "none", "adaptive"},
                {"harris", "random-after", "every"}, {"crossing", "bland-after", "adaptive"}};
        int certified = 0;
        for (int trial = 0; trial < 12; trial++) {
            int n = 2 + random.nextInt(3);
            double[] x0 = new double[n];
            for (int c = 0; c < n; c++) x0[c] = 20 * (2 * random.nextDouble() - 1);
            for (String[] strategies : combinations) {
                DenseNetwork network = DenseNetwork.random(n, new int[] {8, 6, 4}, 500 + trial);
                SolverOptions options = WalkProbe.with(WalkProbe.with(WalkProbe.with(OPTIONS, "lineSearch",
                        strategies[0]), "antiCycling", strategies[1]), "refactor", strategies[2]).withMaxIterations(100_000);
                List<Double> trace = new ArrayList<>();
                VertexWalk[] holder = new VertexWalk[1];
                double[] worstDrift = {0};
                holder[0] = new VertexWalk(network, STEEPEST, options, (it, f, step, in, out, flips, nanos) -> {
                    trace.add(f);
                    if (it > 0) worstDrift[0] = Math.max(worstDrift[0], WalkProbe.directionDrift(holder[0]));
                    assertEquals(network.evaluate(network.point()), f, 1e-8 * (1 + Math.abs(f)));
                });
                SolveResult result = holder[0].solve(x0.clone());
                String context = "trial " + trial + " " + String.join("/", strategies);
                for (int s = 1; s < trace.size(); s++) {
                    assertTrue(trace.get(s) <= trace.get(s - 1) + 1e-9 * (1 + Math.abs(trace.get(0))),
                            context + ": objective rose at step " + s);
                }
                if (result.status() == SolveStatus.UNBOUNDED) continue;
                assertEquals(SolveStatus.LOCAL_MINIMUM, result.status(), context + ": " + result.message());
                assertTrue(worstDrift[0] < 1e-8, context + ": drift " + worstDrift[0]);
                checkLocalMinimum(network, holder[0], result, random);
                certified++;
            }
        }
        assertTrue(certified >= 30, "most walks end at a local minimum: " + certified);
        SolveResult refused = new VertexWalkSolver().solve(DenseNetwork.random(2, new int[] {5, 5}, 3),
                new double[] {3, -2}, DANTZIG, WalkProbe.with(OPTIONS, "lineSearch", "weighted-median"), null);
        assertEquals(SolveStatus.FAILED, refused.status());
        assertTrue(refused.message().contains("line search \"weighted-median\" cannot walk this program"),
                refused.message());
    }

    /** F2 at the end point: edge slopes match finite differences, all are >= 0, perturbations never help. */
    private static void checkLocalMinimum(DenseNetwork network, VertexWalk walk, SolveResult result, Random random) {
        double[] x = result.point().clone();
        double f = network.evaluate(x);
        double[] slopes = WalkProbe.pricedSlopes(walk);
        for (int e = 0; e < slopes.length; e++) {
            double[] d = WalkProbe.edgeDirection(walk, e);
            double norm = Math.sqrt(dot(d, d));
            double h = 1e-7 / Math.max(1, norm);
            double[] moved = x.clone();
            for (int i = 0; i < x.length; i++) moved[i] += h * d[i];
            double difference = (network.evaluate(moved) - f) / h;
            assertEquals(slopes[e], difference, 1e-4 * (1 + Math.abs(slopes[e])), "edge " + e);
            assertTrue(slopes[e] >= -1e-9 * (1 + norm), "edge " + e + " slope " + slopes[e]);
        }
        for (int trial = 0; trial < 200; trial++) {
            double[] moved = x.clone();
            for (int i = 0; i < x.length; i++) moved[i] += 1e-7 * random.nextGaussian();
            assertTrue(network.evaluate(moved) >= f - 1e-12 * (1 + Math.abs(f)), "a perturbation lowered f");
        }
    }

    @Test
    void unboundedProgramsSaySo() {
        // f(x) = -|x1| + 0 * x2: no lower bound
        DenseNetwork network = new DenseNetwork(2, new double[][][] {{{1, 0}}}, new double[][] {{0}},
                new double[][] {{-1}}, new double[][] {{1}}, new double[] {-1}, 0, false);
        SolveResult result = new VertexWalkSolver().solve(network, new double[] {0.5, 1}, DANTZIG, OPTIONS, null);
        assertEquals(SolveStatus.UNBOUNDED, result.status());
    }

    @Test
    void faultyPivotRulesEndAsFailedWithTheReason() {
        DenseNetwork network = DenseNetwork.random(2, new int[] {5, 5}, 3);
        SolveResult outOfRange = new VertexWalkSolver().solve(network, new double[] {3, -2}, edges -> 999, OPTIONS, null);
        assertEquals(SolveStatus.FAILED, outOfRange.status());
        assertTrue(outOfRange.message().contains("999"), outOfRange.message());
        SolveResult throwing = new VertexWalkSolver().solve(DenseNetwork.random(2, new int[] {5, 5}, 3),
                new double[] {3, -2}, edges -> {
                    throw new IllegalStateException("boom");
                }, OPTIONS, null);
        assertEquals(SolveStatus.FAILED, throwing.status());
        assertTrue(throwing.message().contains("boom"), throwing.message());
    }

    @Test
    void limitsEndTheWalkWithTheirStatus() {
        DenseNetwork network = DenseNetwork.random(3, new int[] {8, 8}, 9);
        // without pass-through: with it, the first edge of this (unbounded) network already runs to infinity
        SolveResult result = new VertexWalkSolver().solve(network, new double[] {10, -10, 5}, DANTZIG,
                WalkProbe.with(OPTIONS.withMaxIterations(1), "lineSearch", "harris"), null);
        assertEquals(SolveStatus.ITERATION_LIMIT, result.status());
        assertEquals(1, result.iterations());
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}

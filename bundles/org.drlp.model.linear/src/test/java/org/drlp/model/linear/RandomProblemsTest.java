package org.drlp.model.linear;

import static org.drlp.model.linear.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PivotRule;
import org.junit.jupiter.api.Test;

/**
 * Every loss and pivot rule against an independent LP solve on many random and deliberately
 * degenerate problems: the optimum, the certificate, strong duality and a monotone trace.
 */
class RandomProblemsTest {

    private static final SolverOptions OPTIONS = SolverOptions.defaults();

    private static List<PiecewiseLinearLoss> losses(Random random) {
        return List.of(absolute(), quantile(0.05 + 0.9 * random.nextDouble()),
                epsilonInsensitive(random.nextDouble() * 0.5), epsilonInsensitive(0));
    }

    @Test
    void gaussianProblemsMatchTheLinearProgram() {
        Random random = new Random(11);
        int checked = 0;
        for (int trial = 0; trial < 40; trial++) {
            int rows = 5 + random.nextInt(20), p = 1 + random.nextInt(3);
            double[][] features = new double[rows][p];
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < p; c++) features[i][c] = random.nextGaussian();
                y[i] = random.nextGaussian() * 2;
            }
            checked += checkAll(withIntercept(features), y, p + 1, random);
        }
        assertTrue(checked >= 40 * 4 * 4);
    }

    @Test
    void degenerateProblemsMatchTheLinearProgram() {
        Random random = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            int rows = 4 + random.nextInt(12), p = 1 + random.nextInt(3);
            double[][] features = new double[rows][p];
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                // small integers: many ties, duplicate rows and exactly interpolated points
                for (int c = 0; c < p; c++) features[i][c] = random.nextInt(3);
                y[i] = random.nextInt(3);
            }
            if (trial % 3 == 0) features[rows - 1] = features[0].clone();
            if (trial % 5 == 0) {
                for (int i = 0; i < rows; i++) y[i] = 1;
            }
            checkAll(withIntercept(features), y, p + 1, random);
        }
    }

    /**
     * x2 = 2 x1 and a constant column beside the intercept: the oracle is the same data reduced to
     * x1 and the intercept (commons-math3's simplex returns infeasible values on the rank-deficient
     * linear program, so it is not used here).
     */
    @Test
    void collinearAndConstantColumnsLeaveFlatDirectionsButTheRightOptimum() {
        Random random = new Random(3);
        for (int trial = 0; trial < 30; trial++) {
            int rows = 6 + random.nextInt(10);
            double[][] features = new double[rows][3];
            double[][] reduced = new double[rows][1];
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                features[i][0] = random.nextGaussian();
                features[i][1] = 2 * features[i][0];
                features[i][2] = 1;
                reduced[i][0] = features[i][0];
                y[i] = random.nextGaussian();
            }
            double oracle = linearProgramOptimum(withIntercept(reduced), y, 2, absolute());
            for (PivotRule rule : RULES) {
                SolveResult result = solve(withIntercept(features), y, 4, absolute(), rule, OPTIONS, null);
                assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
                assertEquals(oracle, result.objective(), 1e-9 * (1 + oracle));
                assertEquals(2, result.certificate().flatDirections(), "two redundant columns");
            }
        }
    }

    @Test
    void moreParametersThanDataPointsFitExactly() {
        Random random = new Random(8);
        double[][] features = new double[3][5];
        double[] y = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 5; c++) features[i][c] = random.nextGaussian();
            y[i] = random.nextGaussian();
        }
        SolveResult result = solve(withIntercept(features), y, 6, absolute(), STEEPEST, OPTIONS, null);
        assertEquals(SolveStatus.OPTIMAL, result.status());
        assertEquals(0, result.objective(), 1e-12);
    }

    @Test
    void dataScaledToExtremesStillSolvesExactly() {
        Random random = new Random(21);
        double[][] features = new double[30][2];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            features[i][0] = random.nextGaussian();
            features[i][1] = random.nextGaussian();
            y[i] = random.nextGaussian();
        }
        double lp = linearProgramOptimum(withIntercept(features), y, 3, absolute());
        for (double scale : new double[] {1e-8, 1e8}) {
            double[][] scaled = new double[30][2];
            double[] scaledY = new double[30];
            for (int i = 0; i < 30; i++) {
                scaled[i][0] = scale * features[i][0];
                scaled[i][1] = scale * features[i][1];
                scaledY[i] = scale * y[i];
            }
            SolveResult result = solve(withIntercept(scaled), scaledY, 3, absolute(), DANTZIG, OPTIONS, null);
            assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
            assertEquals(scale * lp, result.objective(), 1e-8 * scale * lp, "LAD is homogeneous in the data");
        }
    }

    /** Checks every loss with every rule (with and without pass-through); returns the number of solves. */
    private static int checkAll(double[] design, double[] y, int n, Random random) {
        int solves = 0;
        for (PiecewiseLinearLoss loss : losses(random)) {
            double lp = linearProgramOptimum(design, y, n, loss);
            for (PivotRule rule : RULES) {
                boolean passThrough = random.nextBoolean();
                List<Double> trace = new ArrayList<>();
                SolveResult result = solve(design, y, n, loss, rule, Strategies.passThrough(OPTIONS, passThrough),
                        (it, f, step, in, out, flips, nanos) -> trace.add(f));
                String context = "loss " + loss.kinks() + " passThrough " + passThrough;
                assertEquals(SolveStatus.OPTIMAL, result.status(), context + ": " + result.message());
                assertEquals(lp, result.objective(), 1e-7 * (1 + Math.abs(lp)), context);
                assertEquals(objective(design, y, n, loss, result.point()), result.objective(), 1e-9 * (1 + lp));
                assertTrue(result.certificate().isLocallyOptimal());
                assertTrue(result.certificate().dualMaxViolation() <= 1e-9, context);
                assertTrue(result.certificate().stationarityResidual() <= 1e-8 * (1 + lp), context);
                assertEquals(lp, dualObjective(y, loss, result.certificate().dual()), 1e-7 * (1 + Math.abs(lp)),
                        context + ": strong duality");
                for (int s = 1; s < trace.size(); s++) {
                    assertTrue(trace.get(s) <= trace.get(s - 1) + 1e-9 * (1 + Math.abs(trace.get(0))),
                            context + ": objective rose at step " + s);
                }
                solves++;
            }
        }
        return solves;
    }

    /** -sum_j lambda_j b_j with b_(i,q) = y_i + at_q: the dual objective of the separable program. */
    private static double dualObjective(double[] y, PiecewiseLinearLoss loss, double[] dual) {
        int k = loss.kinks().size();
        double sum = 0;
        for (int j = 0; j < dual.length; j++) sum -= dual[j] * (y[j / k] + loss.kinks().get(j % k).at());
        return sum;
    }
}

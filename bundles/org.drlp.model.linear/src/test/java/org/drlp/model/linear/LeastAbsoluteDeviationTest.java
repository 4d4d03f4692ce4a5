package org.drlp.model.linear;

import static org.drlp.model.linear.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.drlp.api.Certificate;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.junit.jupiter.api.Test;

/** Exact answers known from the literature. */
class LeastAbsoluteDeviationTest {

    private static final SolverOptions OPTIONS = SolverOptions.defaults();

    @Test
    void stackLossMedianRegressionIsTheKnownExactFit() {
        double[] design = stackLossDesign();
        double[] y = stackLossTarget();
        for (var rule : RULES) {
            for (boolean passThrough : new boolean[] {true, false}) {
                SolveResult result = solve(design, y, 4, absolute(), rule, Strategies.passThrough(OPTIONS, passThrough),
                        StepListener.NONE);
                assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
                assertEquals(14518.0 / 345, result.objective(), 1e-10);
                assertArrayEquals(new double[] {287.0 / 345, 66.0 / 115, -7.0 / 115, -13693.0 / 345},
                        result.point(), 1e-9);
                assertEquals(4, countZeroResiduals(design, y, 4, result.point()), "a vertex interpolates p + 1 points");
            }
        }
    }

    @Test
    void barrodaleRobertsTextbookOptimumIsTwo() {
        double[][] features = {{1}, {2}, {3}, {4}, {5}};
        double[] y = {1, 1, 2, 3, 2};
        SolveResult result = solve(withIntercept(features), y, 2, absolute(), DANTZIG, OPTIONS, StepListener.NONE);
        assertEquals(SolveStatus.OPTIMAL, result.status());
        assertEquals(2.0, result.objective(), 1e-12);
        assertEquals(2.0, objective(withIntercept(features), y, 2, absolute(), result.point()), 1e-12);
    }

    @Test
    void interceptOnlyFitsAreMediansAndQuantiles() {
        double[] y = {5, -1, 3, 8, 2, 2, 9, 4, 7, 0, 6};
        double[] ones = new double[y.length];
        Arrays.fill(ones, 1);
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        SolveResult median = solve(ones, y, 1, absolute(), DANTZIG, OPTIONS, StepListener.NONE);
        assertEquals(sorted[5], median.point()[0], 1e-12);
        for (double tau : new double[] {0.1, 0.25, 0.5, 0.8, 0.95}) {
            SolveResult q = solve(ones, y, 1, quantile(tau), STEEPEST, OPTIONS, StepListener.NONE);
            int below = 0, above = 0;
            for (double v : y) {
                if (v < q.point()[0] - 1e-12) below++;
                if (v > q.point()[0] + 1e-12) above++;
            }
            assertTrue(below <= tau * y.length && above <= (1 - tau) * y.length,
                    "tau=" + tau + " gives " + q.point()[0] + " which is not a tau-quantile");
        }
    }

    @Test
    void dualCertificateProvesOptimality() {
        double[] design = stackLossDesign();
        double[] y = stackLossTarget();
        SolveResult result = solve(design, y, 4, absolute(), DANTZIG, OPTIONS, StepListener.NONE);
        Certificate c = result.certificate();
        assertTrue(c.isLocallyOptimal());
        assertTrue(c.dualMaxViolation() <= 1e-12);
        assertTrue(c.stationarityResidual() <= 1e-9, "X^T lambda = 0");
        double dualObjective = 0;
        for (int i = 0; i < 21; i++) {
            assertTrue(Math.abs(c.dual()[i]) <= 1 + 1e-12);
            dualObjective -= c.dual()[i] * y[i];
        }
        assertEquals(result.objective(), dualObjective, 1e-9, "strong duality: -y . lambda = sum |r|");
    }

    static int countZeroResiduals(double[] design, double[] y, int n, double[] x) {
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            double fit = 0;
            for (int c = 0; c < n; c++) fit += design[i * n + c] * x[c];
            if (Math.abs(fit - y[i]) < 1e-9) count++;
        }
        return count;
    }
}

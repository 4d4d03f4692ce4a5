package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.model.linear.RealPlugins.Loss;
import org.drlp.model.linear.RealPlugins.Rule;
import org.drlp.spi.PiecewiseLinearLoss;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Well-scaled random problems (a0, y0) made badly scaled: columns multiplied by powers of ten, the
 * target (and the loss's epsilon, a residual) by 10^t, with exponents up to +-12. The optimum is then
 * 10^t times the well-scaled one, which the LP oracle computes in the well-scaled coordinates. Every
 * solve must end OPTIMAL at that objective: these programs are all bounded.
 */
class BadlyScaledPropertyTest {

    /** How the powers of ten are drawn. */
    enum Family {
        /** one feature 10^e beside the intercept and the other features */
        ONE_COLUMN,
        /** every feature and the target scaled together by one 10^e */
        X_AND_Y_TOGETHER,
        /** only the target (and epsilon) */
        TARGET_ONLY,
        /** the target 10^e and an independent power of ten for every column, the intercept's too */
        EVERY_COLUMN
    }

    /** A badly scaled problem and the optimum of its well-scaled original, scaled. */
    record Case(double[] design, double[] y, int n, PiecewiseLinearLoss loss, double targetScale, double oracle,
                String description) {

        static Case generate(Family family, Loss lossKind, int exponent, long seed) {
            return generate(family, lossKind, exponent, seed, 0);
        }

        /** @param rows the number of rows, or 0 for 8 to 32 and the LP oracle */
        static Case generate(Family family, Loss lossKind, int exponent, long seed, int rows) {
            Random random = new Random(seed);
            int drawn = 8 + random.nextInt(25), p = 1 + random.nextInt(3), n = p + 1;
            boolean small = rows == 0;
            if (small) rows = drawn;
            double[] design0 = new double[rows * n];
            double[] y0 = new double[rows];
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < p; c++) design0[i * n + c] = random.nextGaussian();
                design0[i * n + p] = 1;
                y0[i] = random.nextGaussian() * 2;
            }
            double[] columnScale = new double[n];
            Arrays.fill(columnScale, 1);
            double targetScale = 1;
            switch (family) {
                case ONE_COLUMN -> columnScale[random.nextInt(p)] = Math.pow(10, exponent);
                case X_AND_Y_TOGETHER -> {
                    for (int c = 0; c < p; c++) columnScale[c] = Math.pow(10, exponent);
                    targetScale = Math.pow(10, exponent);
                }
                case TARGET_ONLY -> targetScale = Math.pow(10, exponent);
                case EVERY_COLUMN -> {
                    for (int c = 0; c < n; c++) columnScale[c] = Math.pow(10, random.nextInt(25) - 12);
                    targetScale = Math.pow(10, exponent);
                }
            }
            double[] design = new double[rows * n];
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < n; c++) design[i * n + c] = design0[i * n + c] * columnScale[c];
                y[i] = y0[i] * targetScale;
            }
            double oracle = small ? targetScale * Fixtures.linearProgramOptimum(design0, y0, n, lossKind.create(1))
                    : Double.NaN;
            return new Case(design, y, n, lossKind.create(targetScale), targetScale, oracle,
                    family + " 1e" + exponent + ", " + rows + " x " + n + ", columns " + Arrays.toString(columnScale)
                            + ", loss " + lossKind + ", seed " + seed);
        }

        SolveResult solve(Rule rule, long seed) {
            return new VertexWalkSolver().solve(new PiecewiseLinearRegression(design, y, n, loss), new double[n],
                    rule.create(seed), SolverOptions.defaults().withMaxIterations(20_000), null);
        }

        /** Absolute tolerance on the objective: relative to the optimum and to the target's scale. */
        double tolerance() {
            return 1e-7 * (targetScale + Math.abs(oracle));
        }
    }

    @Property(tries = 400, seed = "1012")
    void badlyScaledBoundedProblemsEndOptimalAtTheOracleObjective(@ForAll Family family, @ForAll Loss lossKind,
            @ForAll Rule rule, @ForAll @IntRange(min = -12, max = 12) int exponent,
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Case problem = Case.generate(family, lossKind, exponent, seed);
        SolveResult result = problem.solve(rule, seed);
        String context = problem.description() + ", rule " + rule + ": " + result.status() + " " + result.message();
        assertEquals(SolveStatus.OPTIMAL, result.status(), context);
        assertEquals(problem.oracle(), Fixtures.objective(problem.design(), problem.y(), problem.n(), problem.loss(),
                result.point()), problem.tolerance(), context + ": the point is not optimal");
        assertEquals(problem.oracle(), result.objective(), problem.tolerance(), context + ": the reported objective is wrong");
        assertDualCertifiesInUserUnits(problem, result, context);
    }

    /**
     * Presolved sizes (6,000 rows), where the LP oracle is too slow: each family at 1e-12 and 1e12
     * must end OPTIMAL at 10^t times the objective of the well-scaled problem, and the certificate's
     * dual must prove it, with the user's data: f(x) >= -sum_j lambda_j (y_j + at_j) for every x
     * (phi_j(z) >= lambda_j z when lambda_j is in its slope interval and sum_j lambda_j a_j = 0).
     */
    @Test
    void presolvedBadlyScaledProblemsEndOptimalWithADualProof() {
        for (Family family : Family.values()) {
            for (int exponent : new int[] {-12, 12}) {
                for (Loss lossKind : new Loss[] {Loss.ABSOLUTE, Loss.QUANTILE_90, Loss.EPSILON_SMALL}) {
                    Case problem = Case.generate(family, lossKind, exponent, 6000 + exponent, 6000);
                    Case wellScaled = Case.generate(Family.TARGET_ONLY, lossKind, 0, 6000 + exponent, 6000);
                    SolveResult result = problem.solve(Rule.DANTZIG, 1);
                    SolveResult reference = wellScaled.solve(Rule.DANTZIG, 1);
                    String context = problem.description() + ": " + result.status() + " " + result.message();
                    assertEquals(SolveStatus.OPTIMAL, reference.status(), reference.message());
                    assertEquals(SolveStatus.OPTIMAL, result.status(), context);
                    double expected = problem.targetScale() * reference.objective();
                    double tolerance = 1e-9 * problem.targetScale() * (problem.y().length + reference.objective());
                    assertEquals(expected, result.objective(), tolerance, context);
                    assertEquals(expected, Fixtures.objective(problem.design(), problem.y(), problem.n(),
                            problem.loss(), result.point()), tolerance, context);
                    assertDualCertifiesInUserUnits(problem, result, context);
                    double dualBound = 0;
                    List<PiecewiseLinearLoss.Kink> kinks = problem.loss().kinks();
                    double[] dual = result.certificate().dual();
                    for (int j = 0; j < dual.length; j++) {
                        dualBound -= dual[j] * (problem.y()[j / kinks.size()] + kinks.get(j % kinks.size()).at());
                    }
                    assertEquals(result.objective(), dualBound, tolerance, context + ": duality gap");
                }
            }
        }
    }

    /**
     * The dual of the certificate, with the user's data: every entry in its slope interval, and
     * sum_j lambda_j a_jc zero relative to column c's own magnitude, for every column, however
     * small; the certificate's stationarity residual is this, in the user's units.
     */
    private static void assertDualCertifiesInUserUnits(Case problem, SolveResult result, String context) {
        double[] dual = result.certificate().dual();
        int n = problem.n(), kinks = problem.loss().kinks().size();
        assertEquals(problem.y().length * kinks, dual.length, context);
        double worst = 0, largestMagnitude = 0;
        for (int c = 0; c < n; c++) {
            double sum = 0, magnitude = 0;
            for (int j = 0; j < dual.length; j++) {
                double a = problem.design()[(j / kinks) * n + c];
                sum += dual[j] * a;
                magnitude += Math.abs(a);
            }
            assertEquals(0, sum, 1e-9 * magnitude, context + ": the dual does not make column " + c + " stationary");
            worst = Math.max(worst, Math.abs(sum));
            largestMagnitude = Math.max(largestMagnitude, magnitude);
        }
        // the same maximum up to the round-off of the sums (summed in another order)
        assertEquals(worst, result.certificate().stationarityResidual(), 1e-12 * largestMagnitude,
                context + ": the certificate's stationarity residual is not in the user's units");
        assertEquals(0, result.certificate().dualMaxViolation(), 1e-9, context + ": a dual entry is out of its interval");
    }
}

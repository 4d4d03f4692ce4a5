package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.drlp.api.Certificate;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.model.linear.DegenerateProblems.Problem;
import org.drlp.model.linear.DegenerateProblems.Shape;
import org.drlp.model.linear.RealPlugins.Loss;
import org.drlp.model.linear.RealPlugins.Rule;
import org.drlp.spi.PiecewiseLinearLoss;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Thousands of small random and deliberately degenerate problems (ties, duplicate rows, collinear
 * and constant columns, p > n, equal targets, a start on many boundaries, data scaled by 1e-8 and
 * 1e8), every shipped loss and pivot rule, with and without pass-through: the walk ends OPTIMAL
 * (no cycling: the iteration limit is far above what any of these needs), at the LP oracle's
 * optimum, with a certificate whose dual vector proves it by strong duality, and never raises the
 * objective on the way.
 */
class DegenerateDataPropertyTest {

    /** Enough for every problem here many times over; a cycling walk would hit it. */
    private static final long ITERATION_LIMIT = 20_000;

    @Property(tries = 2000, seed = "7130")
    void everyLossAndRuleReachesTheOracleOptimumWithACertificate(@ForAll Shape shape, @ForAll Loss loss,
            @ForAll Rule rule, @ForAll boolean passThrough, @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Problem problem = DegenerateProblems.generate(shape, seed);
        check(problem, loss, rule, passThrough, seed);
    }

    /** Every rule on the same degenerate problem: all reach the same optimum (the minimiser may differ). */
    @Property(tries = 150, seed = "4242")
    void allRulesAgreeOnTheOptimumOfOneProblem(@ForAll Shape shape, @ForAll Loss loss,
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Problem problem = DegenerateProblems.generate(shape, seed);
        for (Rule rule : Rule.values()) {
            for (boolean passThrough : new boolean[] {true, false}) check(problem, loss, rule, passThrough, seed);
        }
    }

    static void check(Problem problem, Loss lossKind, Rule rule, boolean passThrough, long seed) {
        SolverOptions options = Strategies.passThrough(SolverOptions.defaults(), passThrough).withMaxIterations(ITERATION_LIMIT);
        check(problem, lossKind, rule, options, "passThrough " + passThrough, seed, false);
    }

    /**
     * The walk with {@code options} against the LP oracle, with its certificate and a trace that
     * never rises; with {@code mayHitLimit} (a walk without anti-cycling, which may cycle) an
     * ITERATION_LIMIT is accepted, anything else must be OPTIMAL.
     *
     * @return the result
     */
    static SolveResult check(Problem problem, Loss lossKind, Rule rule, SolverOptions options, String strategies,
                             long seed, boolean mayHitLimit) {
        PiecewiseLinearLoss loss = lossKind.create(problem.scale());
        double lp = DegenerateProblems.oracle(problem, lossKind.create(1));
        double scale = problem.scale();
        String context = problem + ", loss " + lossKind + ", rule " + rule + ", " + strategies;

        List<Double> trace = new ArrayList<>();
        PiecewiseLinearRegression program = new PiecewiseLinearRegression(problem.design(), problem.y(), problem.n(), loss);
        SolveResult result = new VertexWalkSolver().solve(program, problem.start(), rule.create(seed), options,
                new StepListener() {
                    private String stage = "";

                    @Override
                    public void onStep(long it, double f, double step, int in, int out, int flips, long nanos) {
                        trace.add(f);
                    }

                    /** A presolve's stages walk other programs: only one walk's objective must fall. */
                    @Override
                    public void onStage(String name) {
                        if (!(stage.equals("start") && name.equals("final") || stage.equals(name + "/start"))) {
                            trace.add(Double.NaN);
                        }
                        stage = name;
                    }
                });
        if (mayHitLimit && result.status() == SolveStatus.ITERATION_LIMIT) return result;

        double tolerance = 1e-7 * (scale + Math.abs(lp));
        assertEquals(SolveStatus.OPTIMAL, result.status(), context + ": " + result.message());
        assertEquals(lp, result.objective(), tolerance, context + ": the LP oracle's optimum");
        double direct = Fixtures.objective(problem.design(), problem.y(), problem.n(), loss, result.point());
        assertEquals(direct, result.objective(), 1e-9 * (scale + Math.abs(lp)), context + ": objective at the point");

        Certificate certificate = result.certificate();
        assertEquals(result.objective(), certificate.recomputedObjective(), 0, context);
        assertTrue(certificate.isLocallyOptimal(), context + ": min slope " + certificate.minEdgeSlope());
        assertTrue(certificate.maxCriticalResidual() <= 1e-9 * (scale + Math.abs(lp)),
                context + ": critical residual " + certificate.maxCriticalResidual());
        assertTrue(certificate.dualMaxViolation() <= 1e-9, context + ": dual violation " + certificate.dualMaxViolation());
        double designSize = 0;
        for (double a : problem.design()) designSize += Math.abs(a);
        assertTrue(certificate.stationarityResidual() <= 1e-9 * (scale + designSize),
                context + ": stationarity " + certificate.stationarityResidual());
        assertEquals(lp, dualObjective(problem.y(), loss, certificate.dual()), tolerance, context + ": strong duality");

        for (int s = 1; s < trace.size(); s++) {
            if (Double.isNaN(trace.get(s)) || Double.isNaN(trace.get(s - 1))) continue;
            assertTrue(trace.get(s) <= trace.get(s - 1) + 1e-9 * (scale + Math.abs(lp)),
                    context + ": objective rose at step " + s + ": " + trace.get(s - 1) + " -> " + trace.get(s));
        }
        return result;
    }

    /** -sum_j lambda_j b_j with b_(i,q) = y_i + at_q: the dual objective of the separable program. */
    static double dualObjective(double[] y, PiecewiseLinearLoss loss, double[] dual) {
        int k = loss.kinks().size();
        double sum = 0;
        for (int j = 0; j < dual.length; j++) sum -= dual[j] * (y[j / k] + loss.kinks().get(j % k).at());
        return sum;
    }
}

package org.drlp.model.linear;

import static org.drlp.model.linear.Fixtures.stackLossDesign;
import static org.drlp.model.linear.Fixtures.stackLossTarget;
import static org.drlp.model.linear.Fixtures.withIntercept;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drlp.api.Certificate;
import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStage;
import org.drlp.api.SolveStatus;
import org.drlp.api.StepListener;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.model.linear.DegenerateProblems.Problem;
import org.drlp.model.linear.DegenerateProblems.Shape;
import org.drlp.model.linear.RealPlugins.Loss;
import org.drlp.model.linear.RealPlugins.Rule;
import org.drlp.spi.PivotRuleProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PivotRule;
import org.drlp.spi.SeparableProgram;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The Portnoy-Koenker presolve (solver parameter {@code presolve}) only chooses where the final walk
 * on the full program starts: with it forced on, every problem ends at the same optimum as without,
 * with the full program's own certificate.
 */
class PresolveTest {

    private static final VertexWalkSolver SOLVER = new VertexWalkSolver();

    static SolveResult solve(SeparableProgram program, double[] start, PivotRule rule, String presolve) {
        return solve(program, start, rule, presolve, 20_000L);
    }

    static SolveResult solve(SeparableProgram program, double[] start, PivotRule rule, String presolve,
                             long maxIterations) {
        Map<String, Object> given = new HashMap<>();
        given.put("presolve", presolve);
        given.put("pivot", PivotRuleProvider.given(rule));
        given.put("maxIterations", maxIterations);
        Parameters parameters = Parameters.resolve("solver", SOLVER.parameters(), given, null);
        org.drlp.spi.Problem problem = new org.drlp.spi.Problem() {
            @Override
            public org.drlp.spi.ReluProgram program() {
                return program;
            }

            @Override
            public double[] start() {
                return start;
            }

            @Override
            public List<String> parameterNames() {
                return List.of();
            }
        };
        return SOLVER.solve(problem, parameters, StepListener.NONE);
    }

    @Property(tries = 1500, seed = "5150")
    void presolveOnEndsAtTheOracleOptimumWithACertificate(@ForAll Shape shape, @ForAll Loss lossKind,
            @ForAll Rule rule, @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Problem problem = DegenerateProblems.generate(shape, seed);
        PiecewiseLinearLoss loss = lossKind.create(problem.scale());
        double lp = DegenerateProblems.oracle(problem, lossKind.create(1));
        String context = problem + ", loss " + lossKind + ", rule " + rule;
        SolveResult on = solve(new PiecewiseLinearRegression(problem.design(), problem.y(), problem.n(), loss),
                problem.start(), rule.create(seed), "on");
        SolveResult off = solve(new PiecewiseLinearRegression(problem.design(), problem.y(), problem.n(), loss),
                problem.start(), rule.create(seed), "off");
        double tolerance = 1e-7 * (problem.scale() + Math.abs(lp));
        assertEquals(SolveStatus.OPTIMAL, on.status(), context + ": " + on.message());
        assertTrue(on.message().contains("presolve"), context + ": " + on.message());
        assertEquals(lp, on.objective(), tolerance, context + ": the LP oracle's optimum");
        assertEquals(off.objective(), on.objective(), 1e-9 * (problem.scale() + Math.abs(lp)), context);
        assertCertified(on, problem.design(), problem.y(), loss, problem.scale() + Math.abs(lp), context);
        assertStagesAddUp(on, context + ", presolve on");
        assertStagesAddUp(off, context + ", presolve off");
        assertEquals(1, off.stages().size(), context + ": without presolve one stage, " + off.stages());
        assertEquals(lp, DegenerateDataPropertyTest.dualObjective(problem.y(), loss, on.certificate().dual()),
                tolerance, context + ": strong duality");
    }

    /**
     * Larger random problems with heavy-tailed noise, presolve forced on: the same optimum as the plain
     * walk to 1e-9 relative, a certified end, and among them cases where folded rows came out on the
     * wrong side of the reduced fit and had to be put back (the repair rounds).
     */
    /** The stages' pivots add up to the result's iterations, and the walk on the full program comes last. */
    static void assertStagesAddUp(SolveResult result, String context) {
        List<SolveStage> stages = result.stages();
        assertEquals(result.iterations(), stages.stream().mapToLong(SolveStage::pivots).sum(), context + ": " + stages);
        assertEquals("final", stages.get(stages.size() - 1).name(), context + ": " + stages);
        assertEquals(result.regionChanges(), stages.get(stages.size() - 1).regionChanges(), context + ": " + stages);
        for (SolveStage stage : stages) {
            assertTrue(stage.zeroLengthPivots() <= stage.pivots() && stage.blandPivots() <= stage.pivots()
                    && stage.breakpointsCrossed() <= stage.regionChanges(), context + ": " + stage);
        }
    }

    @Test
    void largerProblemsAgreeWithThePlainWalkIncludingRepairedFolds() {
        int repaired = 0;
        Loss[] losses = {Loss.QUANTILE_50, Loss.QUANTILE_10, Loss.QUANTILE_90, Loss.EPSILON_SMALL, Loss.ABSOLUTE};
        for (int t = 0; t < 40; t++) {
            Random random = new Random(1000 + t);
            int rows = 200 + random.nextInt(800), p = 1 + random.nextInt(6);
            double[][] features = new double[rows][p - 1 < 1 ? 0 : p - 1];
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                double fit = 1;
                for (int c = 0; c < features[i].length; c++) {
                    features[i][c] = t % 3 == 0 ? random.nextInt(3) : random.nextGaussian();
                    fit += features[i][c];
                }
                // Cauchy noise: the subsample's fit is far off for some rows
                y[i] = fit + Math.tan(Math.PI * (random.nextDouble() - 0.5));
            }
            double[] design = features[0].length == 0 ? ones(rows) : withIntercept(features);
            int n = features[0].length == 0 ? 1 : p;
            Loss lossKind = losses[t % losses.length];
            PiecewiseLinearLoss loss = lossKind.create(1);
            String context = "problem " + t + " (" + rows + " x " + n + ", " + lossKind + ")";
            SolveResult on = solve(new PiecewiseLinearRegression(design, y, n, loss), new double[n],
                    Rule.DANTZIG.create(t), "on");
            SolveResult off = solve(new PiecewiseLinearRegression(design, y, n, loss), new double[n],
                    Rule.DANTZIG.create(t), "off");
            assertEquals(SolveStatus.OPTIMAL, on.status(), context + ": " + on.message());
            assertEquals(SolveStatus.OPTIMAL, off.status(), context + ": " + off.message());
            assertEquals(off.objective(), on.objective(), 1e-9 * Math.max(1, Math.abs(off.objective())),
                    context + ": " + on.message());
            assertEquals(Fixtures.objective(design, y, n, loss, on.point()), on.objective(),
                    1e-9 * Math.max(1, Math.abs(off.objective())), context);
            assertCertified(on, design, y, loss, Math.abs(off.objective()) + 1, context);
            assertStagesAddUp(on, context);
            Matcher matcher = Pattern.compile("adding (\\d+) rows").matcher(on.message());
            assertTrue(matcher.find(), context + ": " + on.message());
            repaired += Integer.parseInt(matcher.group(1)) > 0 ? 1 : 0;
        }
        assertTrue(repaired > 0, "no problem needed a repair round; the test lost its point");
    }

    @Test
    void stackLossWithPresolveOnIsTheKnownExactFit() {
        double[] design = stackLossDesign();
        double[] y = stackLossTarget();
        for (Rule rule : Rule.values()) {
            SolveResult result = solve(new PiecewiseLinearRegression(design, y, 4, Fixtures.absolute()),
                    new double[4], rule.create(3), "on");
            assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
            assertTrue(result.message().startsWith("presolve: subsample"), result.message());
            assertEquals(14518.0 / 345, result.objective(), 1e-10);
            assertArrayEquals(new double[] {287.0 / 345, 66.0 / 115, -7.0 / 115, -13693.0 / 345}, result.point(), 1e-9);
        }
    }

    /** The presolve's stages count against maxIterations: the whole solve stops at the limit. */
    @Test
    void presolveKeepsTheIterationLimit() {
        Random random = new Random(11);
        int rows = 6000, n = 6;
        double[] design = new double[rows * n], y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < n - 1; c++) design[i * n + c] = random.nextGaussian();
            design[i * n + n - 1] = 1;
            y[i] = random.nextGaussian();
        }
        SolveResult full = solve(new PiecewiseLinearRegression(design, y, n, Fixtures.quantile(0.3)),
                new double[n], Rule.DANTZIG.create(0), "auto");
        assertEquals(SolveStatus.OPTIMAL, full.status(), full.message());
        assertTrue(full.message().startsWith("presolve: subsample"), full.message());
        for (long limit : new long[] {3, full.iterations() / 2, full.iterations() - 1}) {
            SolveResult result = solve(new PiecewiseLinearRegression(design, y, n, Fixtures.quantile(0.3)),
                    new double[n], Rule.DANTZIG.create(0), "auto", limit);
            assertEquals(SolveStatus.ITERATION_LIMIT, result.status(), limit + ": " + result.message());
            assertTrue(result.iterations() <= limit, result.iterations() + " pivots > " + limit);
            assertStagesAddUp(result, "limit " + limit);
        }
    }

    @Test
    void autoLeavesSmallProblemsAlone() {
        double[] design = withIntercept(new double[][] {{1}, {2}, {3}, {4}});
        SolveResult result = solve(new PiecewiseLinearRegression(design, new double[] {1, 3, 2, 5}, 2,
                Fixtures.absolute()), new double[2], Rule.DANTZIG.create(0), "auto");
        assertEquals(SolveStatus.OPTIMAL, result.status());
        assertTrue(result.message() == null || !result.message().contains("presolve"), result.message());
    }

    /** Folding rows on fixed sides: equal to the full program up to a constant where the sides hold. */
    @Test
    void restrictedProgramMatchesTheFullOneWhereFoldedSidesHold() {
        Random random = new Random(7);
        int rows = 50, n = 3;
        double[] design = new double[rows * n], y = new double[rows];
        for (int i = 0; i < design.length; i++) design[i] = random.nextGaussian();
        for (int i = 0; i < rows; i++) y[i] = random.nextGaussian();
        PiecewiseLinearLoss loss = Fixtures.epsilonInsensitive(0.3);
        PiecewiseLinearRegression full = new PiecewiseLinearRegression(design, y, n, loss);
        double[] x = {0.2, -0.1, 0.4};
        full.reset(x);
        boolean[] sides = full.highSide().clone();
        int[] keep = {0, 3, 4, 10, 11, 30, 49};
        SeparableProgram reduced = full.restrict(keep, sides);
        assertEquals(keep.length, reduced.rowCount());
        assertEquals(2, reduced.neuronsPerRow());
        reduced.reset(x);
        double[] g1 = new double[n], g2 = new double[n];
        full.gradient(g1);
        reduced.gradient(g2);
        assertArrayEquals(g1, g2, 1e-12);
        double constant = full.value() - reduced.value();
        double[] nearby = {0.2 + 1e-4, -0.1 - 2e-4, 0.4 + 1e-4};
        full.reset(nearby);
        reduced.reset(nearby);
        assertEquals(full.value() - reduced.value(), constant, 1e-12);
        double[] lambda = new double[reduced.neuronCount()], stationarity = new double[n];
        reduced.stationarity(lambda, stationarity);
        full.stationarity(new double[full.neuronCount()], g1);
        assertTrue(Arrays.stream(stationarity).map(Math::abs).sum() > 0, "folded rows give a linear term");
        SeparableProgram sample = full.restrict(keep, null);
        sample.stationarity(new double[sample.neuronCount()], g2);
        assertArrayEquals(new double[n], g2, 0, "a subsample has no linear term");
    }

    private static double[] ones(int rows) {
        double[] out = new double[rows];
        Arrays.fill(out, 1);
        return out;
    }

    private static void assertCertified(SolveResult result, double[] design, double[] y, PiecewiseLinearLoss loss,
                                        double scale, String context) {
        Certificate certificate = result.certificate();
        assertEquals(result.objective(), certificate.recomputedObjective(), 0, context);
        assertTrue(certificate.isLocallyOptimal(), context + ": min slope " + certificate.minEdgeSlope());
        assertEquals(y.length * loss.kinks().size(), certificate.dual().length, context + ": a dual of the full program");
        assertTrue(certificate.maxCriticalResidual() <= 1e-9 * scale, context + ": critical residual "
                + certificate.maxCriticalResidual());
        assertTrue(certificate.dualMaxViolation() <= 1e-9, context + ": dual violation " + certificate.dualMaxViolation());
        double designSize = 0;
        for (double a : design) designSize += Math.abs(a);
        assertTrue(certificate.stationarityResidual() <= 1e-9 * (scale + designSize),
                context + ": stationarity " + certificate.stationarityResidual());
    }
}

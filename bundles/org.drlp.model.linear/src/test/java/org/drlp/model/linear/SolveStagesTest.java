package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStage;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.model.linear.RealPlugins.Rule;
import org.drlp.spi.PivotRuleProvider;
import org.drlp.spi.ReluProgram;
import org.junit.jupiter.api.Test;

/**
 * Every pivot of every stage of a solve reaches the step listener, numbered over the whole solve and
 * marked by its stage, and the stage counters in the result add up: a presolved regression of
 * 20,000 rows (subsample, reduced solves, final walk) and the same without presolve (one stage).
 */
class SolveStagesTest {

    private static final VertexWalkSolver SOLVER = new VertexWalkSolver();
    private static final int ROWS = 20_000;
    private static final int N = 4;
    private static final int REFACTOR_INTERVAL = 3;

    @Test
    void aPresolvedRegressionTracesEveryPivotOfEveryStage() {
        double[] design = design(new Random(7));
        double[] y = target(design, new Random(8));
        Recorder trace = new Recorder();
        SolveResult result = solve(new PiecewiseLinearRegression(design, y, N, Fixtures.absolute()), "auto", trace);
        SolveResult plain = solve(new PiecewiseLinearRegression(design, y, N, Fixtures.absolute()), "off",
                StepListener.NONE);
        assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
        assertEquals(plain.objective(), result.objective(), 1e-9 * Math.abs(plain.objective()), "same optimum");

        List<SolveStage> stages = result.stages();
        List<String> names = stages.stream().map(SolveStage::name).toList();
        assertEquals(trace.stageOrder, names, "the stages the listener saw are those the result counts");
        assertEquals("subsample", names.get(0), names.toString());
        assertEquals("final", names.get(names.size() - 1), names.toString());
        for (int s = 1; s < names.size() - 1; s++) assertEquals("band-" + s, names.get(s), names.toString());
        assertTrue(names.size() >= 3, "a reduced solve ran: " + names);

        assertEquals(result.iterations(), stages.stream().mapToLong(SolveStage::pivots).sum(),
                "pivots by stage add up to iterations");
        assertEquals(result.iterations(), trace.pivotRows(), "one trace row per pivot, besides each stage's start");
        assertEquals(stages.size(), trace.startRows, "one start row per stage");
        assertTrue(stages.get(0).rows() < ROWS, "the subsample is smaller than the data");
        assertEquals(ROWS, stages.get(stages.size() - 1).rows());
        for (SolveStage stage : stages) {
            Recorder.Tally seen = trace.byStage.get(stage.name());
            assertEquals(stage.pivots(), seen.pivots, stage.name());
            assertEquals(stage.regionChanges(), seen.regionChanges, stage.name() + ": flips of its pivots");
            assertTrue(stage.zeroLengthPivots() >= seen.zeroSteps, stage.name() + ": every step of length 0 counted");
            assertTrue(stage.breakpointsCrossed() <= stage.regionChanges(), stage.name());
            assertTrue(stage.blandPivots() <= stage.pivots() && stage.zeroLengthPivots() <= stage.pivots(),
                    stage.name());
            assertTrue(stage.seconds() >= 0 && stage.seconds() <= result.seconds(), stage.name());
        }
        assertTrue(stages.stream().mapToLong(SolveStage::breakpointsCrossed).sum() > 0,
                "the weighted-median search crossed breakpoints");
        assertTrue(stages.stream().mapToDouble(SolveStage::seconds).sum() <= result.seconds() + 1e-9,
                "stage times fit in the solve's");
        assertEquals(result.objective(), trace.lastObjective, 1e-9 * Math.abs(result.objective()),
                "the trace ends at the result");
    }

    @Test
    void aWalkWithoutPresolveIsOneStage() {
        double[] design = design(new Random(9));
        double[] y = target(design, new Random(10));
        Recorder trace = new Recorder();
        SolveResult result = solve(new PiecewiseLinearRegression(design, y, N, Fixtures.absolute()), "off", trace,
                REFACTOR_INTERVAL);
        assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
        assertEquals(List.of("final"), result.stages().stream().map(SolveStage::name).toList());
        SolveStage only = result.stages().get(0);
        assertEquals(result.iterations(), only.pivots());
        assertEquals(result.regionChanges(), only.regionChanges());
        assertEquals(result.iterations(), trace.pivotRows());
        assertTrue(only.seconds() <= result.seconds(), only.seconds() + " s of " + result.seconds() + " s");
        assertTrue(result.iterations() >= 2 * REFACTOR_INTERVAL, "enough pivots to refactor: " + result.iterations());
        assertTrue(only.refactorisations() >= result.iterations() / REFACTOR_INTERVAL,
                only.refactorisations() + " refactorisations in " + result.iterations() + " pivots");
    }

    private static SolveResult solve(ReluProgram program, String presolve, StepListener listener) {
        return solve(program, presolve, listener, SolverOptions.defaults().refactorInterval());
    }

    private static SolveResult solve(ReluProgram program, String presolve, StepListener listener,
                                     int refactorInterval) {
        Map<String, Object> given = new HashMap<>();
        given.put("presolve", presolve);
        given.put("pivot", PivotRuleProvider.given(Rule.DANTZIG.create(1)));
        given.put("refactorInterval", (long) refactorInterval);
        Parameters parameters = Parameters.resolve("solver", SOLVER.parameters(), given, null);
        org.drlp.spi.Problem problem = new org.drlp.spi.Problem() {
            @Override
            public ReluProgram program() {
                return program;
            }

            @Override
            public double[] start() {
                return new double[N];
            }

            @Override
            public List<String> parameterNames() {
                return List.of();
            }
        };
        return SOLVER.solve(problem, parameters, listener);
    }

    private static double[] design(Random random) {
        double[][] features = new double[ROWS][N - 1];
        for (double[] row : features) {
            for (int c = 0; c < row.length; c++) row[c] = random.nextGaussian();
        }
        return Fixtures.withIntercept(features);
    }

    /** A linear fit with heavy-tailed (Cauchy) noise. */
    private static double[] target(double[] design, Random random) {
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double fit = 0;
            for (int c = 0; c < N; c++) fit += (c + 1) * design[i * N + c];
            y[i] = fit + Math.tan(Math.PI * (random.nextDouble() - 0.5));
        }
        return y;
    }

    /** What a trace file would hold, checked as it arrives: numbering, stages, objective never rising within a stage. */
    private static final class Recorder implements StepListener {
        static final class Tally {
            long pivots;
            long regionChanges;
            long zeroSteps;
        }

        final List<String> stageOrder = new ArrayList<>();
        final Map<String, Tally> byStage = new HashMap<>();
        String stage;
        long lastIteration;
        long startRows;
        long lastNanos;
        double lastObjective = Double.NaN;

        long pivotRows() {
            return byStage.values().stream().mapToLong(t -> t.pivots).sum();
        }

        @Override
        public void onStage(String name) {
            stage = name;
            stageOrder.add(name);
            byStage.put(name, new Tally());
            lastObjective = Double.NaN;
        }

        @Override
        public void onStep(long iteration, double objective, double step, int entering, int leaving,
                           int regionChanges, long elapsedNanos) {
            assertTrue(stage != null, "a step before any stage");
            assertTrue(elapsedNanos >= lastNanos, "time since the solve began never goes back");
            lastNanos = elapsedNanos;
            if (Double.isNaN(lastObjective)) {
                assertEquals(lastIteration, iteration, stage + ": its start row follows the pivots before it");
                startRows++;
            } else {
                assertEquals(lastIteration + 1, iteration, stage + ": pivots numbered over the whole solve");
                assertTrue(objective <= lastObjective + 1e-9 * Math.max(1, Math.abs(lastObjective)),
                        stage + ": objective rose at pivot " + iteration);
                Tally tally = byStage.get(stage);
                tally.pivots++;
                tally.regionChanges += regionChanges;
                if (step == 0) tally.zeroSteps++;
            }
            lastIteration = iteration;
            lastObjective = objective;
        }
    }
}

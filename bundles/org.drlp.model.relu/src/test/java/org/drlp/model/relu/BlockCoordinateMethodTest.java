package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.spi.PivotRuleProvider;
import org.drlp.spi.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockCoordinateMethodTest {

    @TempDir
    Path dir;

    private final PaperSetup setup = PaperSetup.create(60, 21);
    private final BlockCoordinateMethod method = new BlockCoordinateMethod(new VertexWalkSolver());

    private Problem layerwise(List<Integer> layers, int rounds) throws IOException {
        setup.network().write(dir.resolve("net.json"));
        ReluLayerwiseModel model = new ReluLayerwiseModel();
        return model.build(setup.data(), TestLosses.absolute(), Parameters.resolve("model", model.parameters(),
                Map.of("network", "net.json", "layers", layers, "rounds", rounds), dir));
    }

    /** The method's defaults with the test's Dantzig rule as its pivot rule. */
    private Parameters dantzig() {
        return Parameters.resolve("method", method.parameters(), Map.of("pivot", PivotRuleProvider.given(Pivots.DANTZIG)),
                null);
    }

    @Test
    void lossNeverRisesAcrossTheScheduleAndEndsAtTheNetworksLoss() throws IOException {
        Problem problem = layerwise(List.of(1, 2, 3, 4), 3);
        List<Double> trace = new ArrayList<>();
        List<Long> iterations = new ArrayList<>();
        SolveResult result = method.solve(problem, dantzig(),
                (iteration, f, step, in, out, flips, nanos) -> {
                    trace.add(f);
                    iterations.add(iteration);
                });
        assertEquals(SolveStatus.COMPLETED, result.status(), result.message());
        assertTrue(result.message().startsWith("schedule done"), result.message());
        double slack = 1e-9 * (1 + trace.get(0));
        for (int s = 1; s < trace.size(); s++) {
            assertTrue(trace.get(s) <= trace.get(s - 1) + slack, "loss rose at step " + s);
            assertTrue(iterations.get(s) > iterations.get(s - 1), "iterations count on across blocks");
        }
        Network trained = ((LayerwiseProblem) problem).decode(result.point());
        double expected = LayerTrainingWalkTest.plainLoss(trained, 1, trained.layerParameters(1), setup,
                TestLosses.absolute());
        assertEquals(expected, result.objective(), 1e-9 * expected);
        double initial = LayerTrainingWalkTest.plainLoss(setup.network(), 1, setup.network().layerParameters(1), setup,
                TestLosses.absolute());
        assertEquals(initial, trace.get(0), 1e-9 * initial);
        assertTrue(result.objective() < initial);
        assertEquals(problem.parameterNames().size(), result.point().length);
        assertEquals(25 + 24 + 10 + 3, result.point().length);
    }

    /** A pivot budget per block: every layer is walked, the loss never rises, the run ends ITERATION_LIMIT. */
    @Test
    void blocksStoppedByTheirPivotBudgetDoNotEndTheSchedule() throws IOException {
        Problem problem = layerwise(List.of(1, 2, 3, 4), 1);
        Parameters budget = Parameters.resolve("method", method.parameters(),
                Map.of("pivot", PivotRuleProvider.given(Pivots.DANTZIG), "maxIterations", 5L), null);
        List<Double> trace = new ArrayList<>();
        SolveResult result = method.solve(problem, budget, (iteration, f, step, in, out, flips, nanos) -> trace.add(f));
        assertEquals(SolveStatus.ITERATION_LIMIT, result.status(), result.message());
        assertTrue(result.message().contains("layer 1 (step 1)"), result.message());
        assertTrue(result.iterations() > 5, "later blocks walked too: " + result.iterations());
        for (int s = 1; s < trace.size(); s++) assertTrue(trace.get(s) <= trace.get(s - 1) + 1e-9 * (1 + trace.get(0)));
        double[] start = problem.start(), end = result.point();
        int changedLayers = 0;
        for (int layer = 1; layer <= 4; layer++) {
            double[] before = ((LayerwiseProblem) problem).block(layer, start), after = ((LayerwiseProblem) problem).block(layer, end);
            if (!java.util.Arrays.equals(before, after)) changedLayers++;
        }
        assertTrue(changedLayers >= 2, "more than the first layer trained: " + changedLayers);
    }

    /**
     * timeLimitSeconds is the whole schedule's: a schedule that takes over 1.5 s unbudgeted ends
     * TIME_LIMIT by its 0.5 s limit (per block, as before, it ran to the end), at its lowest point, the
     * loss never rising; the point's loss is what a fresh evaluation gives.
     */
    @Test
    void theTimeLimitIsTheWholeSchedulesAndItEndsByItAtItsLowestPoint() throws IOException {
        PaperSetup large = PaperSetup.create(1000, 21);
        large.network().write(dir.resolve("large.json"));
        ReluLayerwiseModel model = new ReluLayerwiseModel();
        Problem problem = model.build(large.data(), TestLosses.absolute(), Parameters.resolve("model", model.parameters(),
                Map.of("network", "large.json", "layers", List.of(1, 2, 3, 4), "rounds", 40), dir));
        double limit = 0.5;
        Parameters budget = Parameters.resolve("method", method.parameters(),
                Map.of("pivot", PivotRuleProvider.given(Pivots.DANTZIG), "timeLimitSeconds", limit), null);
        List<Double> trace = new ArrayList<>();
        long started = System.nanoTime();
        SolveResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> method.solve(problem, budget, (iteration, f, step, in, out, flips, nanos) -> trace.add(f)));
        double wall = (System.nanoTime() - started) * 1e-9;
        assertEquals(SolveStatus.TIME_LIMIT, result.status(), result.message());
        // the last pivot, the last block's certificate pass and the end: well under a second here
        assertTrue(wall < limit + 0.75, "ran " + wall + " s of " + limit + " s: " + result.message());
        for (int s = 1; s < trace.size(); s++) {
            assertTrue(trace.get(s) <= trace.get(s - 1) + 1e-9 * (1 + trace.get(0)), "loss rose at step " + s);
        }
        Network trained = ((LayerwiseProblem) problem).decode(result.point());
        double fresh = LayerTrainingWalkTest.plainLoss(trained, 1, trained.layerParameters(1), large, TestLosses.absolute());
        assertEquals(fresh, result.objective(), 1e-9 * fresh);
        assertTrue(result.objective() < trace.get(0), "the budget bought some descent");
    }

    /** One round of one layer is exactly the relu-layer problem solved by the vertex walk. */
    @Test
    void oneLayerOneRoundEqualsTheSingleLayerModel() throws IOException {
        Problem problem = layerwise(List.of(2), 1);
        SolveResult blockwise = method.solve(problem, dantzig(), null);
        LayerTrainingProgram single = new LayerTrainingProgram(setup.network(), 2, setup.inputs(), setup.targets(),
                TestLosses.absolute());
        SolveResult direct = new VertexWalkSolver().solve(single, setup.network().layerParameters(2), Pivots.DANTZIG,
                org.drlp.api.SolverOptions.defaults(), null);
        assertEquals(direct.objective(), blockwise.objective(), 0);
        assertArrayEquals(direct.point(), blockwise.point(), 0);
        assertEquals(direct.iterations(), blockwise.iterations());
    }

    @Test
    void refusesOtherProblemsAndAJointProgram() throws IOException {
        Problem problem = layerwise(List.of(1, 3), 1);
        assertThrows(UnsupportedOperationException.class, problem::program);
        Problem single = new ReluLayerModel().build(setup.data(), TestLosses.absolute(), Parameters.resolve("model",
                new ReluLayerModel().parameters(), Map.of("network", "net.json"), dir));
        SolveResult refused = method.solve(single, dantzig(), null);
        assertEquals(SolveStatus.FAILED, refused.status());
        assertTrue(refused.message().contains("relu-layerwise"), refused.message());
    }
}

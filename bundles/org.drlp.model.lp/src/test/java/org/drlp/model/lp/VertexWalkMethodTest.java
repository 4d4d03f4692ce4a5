package org.drlp.model.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStage;
import org.drlp.api.SolveStatus;
import org.drlp.api.StepListener;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.spi.PivotRuleProvider;
import org.junit.jupiter.api.Test;

/**
 * The kernel's solver method vertex-walk runs a problem's {@code conclude} after its first walk: each
 * further walk is a stage of its own name in the listener's steps and in the result, its pivots
 * numbered after those before it, and the result counts every walk.
 */
class VertexWalkMethodTest {

    @Test
    void furtherWalksAreStagesNumberedAfterTheFirst() throws IOException {
        // minimise -3x subject to x <= 1 from M = 0.5: unbounded penalty, a ray walk, phase 1, then M = 5
        LinearProgram lp = MpsReaderTest.read("NAME\nROWS\n N c\n L cap\nCOLUMNS\n x c -3 cap 1\nRHS\n cap 1\nENDATA\n");
        LpProblem problem = new LpProblem(lp, 0.5, 1e-9);
        VertexWalkSolver method = new VertexWalkSolver();
        List<String> stageOfStep = new ArrayList<>();
        List<Long> iterations = new ArrayList<>();
        StepListener listener = new StepListener() {
            private String stage;

            @Override
            public void onStep(long iteration, double objective, double step, int entering, int leaving,
                               int regionChanges, long elapsedNanos) {
                stageOfStep.add(stage);
                iterations.add(iteration);
            }

            @Override
            public void onStage(String name) {
                stage = name;
            }
        };
        SolveResult result = method.solve(problem, Parameters.resolve("solver", method.parameters(),
                Map.of("pivot", PivotRuleProvider.given(Rules.DANTZIG.create())), null), listener);
        assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
        assertEquals(-3, result.objective(), 1e-12);
        List<String> names = result.stages().stream().map(SolveStage::name).toList();
        assertEquals(List.of("start", "final", "ray/start", "ray", "phase-1/start", "phase-1", "penalty-2/start",
                "penalty-2"), names, "each walk's start phase, then the walk");
        // a walk's own stage begins without a row of its own (its first row is the start phase's last)
        List<String> stepStages = stageOfStep.stream().distinct().toList();
        assertEquals(stepStages, names.stream().filter(stepStages::contains).toList(),
                "the steps carry the stages' names in order");
        assertTrue(stepStages.containsAll(List.of("start", "ray/start", "phase-1/start", "penalty-2/start")),
                stepStages.toString());
        assertEquals(result.iterations(), result.stages().stream().mapToLong(SolveStage::pivots).sum());
        assertEquals(result.iterations() + 4, iterations.size(), "one row per pivot plus one per walk's start point");
        for (int k = 1; k < iterations.size(); k++) {
            assertTrue(iterations.get(k) >= iterations.get(k - 1), "pivots numbered over the whole solve: " + iterations);
        }
        assertEquals(result.iterations(), (long) iterations.get(iterations.size() - 1));
    }
}

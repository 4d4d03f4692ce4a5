package org.drlp.method.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStage;
import org.drlp.api.SolveStatus;
import org.drlp.api.StepListener;
import org.drlp.model.relu.AdamMethod;
import org.drlp.spi.Problem;
import org.drlp.spi.SolverMethod;
import org.junit.jupiter.api.Test;

class SequenceMethodTest {

    private static final int ROWS = 300;
    private static final long SEED = 3;

    /** Steps as the listener saw them: the stage each belongs to, its iteration and objective. */
    private record Step(String stage, long iteration, double objective) {
    }

    private static final class Recorder implements StepListener {
        final List<Step> steps = new ArrayList<>();
        String stage = "";

        @Override
        public void onStep(long iteration, double objective, double step, int entering, int leaving,
                           int regionChanges, long elapsedNanos) {
            steps.add(new Step(stage, iteration, objective));
        }

        @Override
        public void onStage(String next) {
            stage = next;
        }
    }

    private static SolveResult sequence(Problem problem, Map<String, Object> given, StepListener listener) {
        SequenceMethod sequence = new SequenceMethod();
        return sequence.solve(problem, TrainingProblems.parameters(sequence, given), listener);
    }

    @Test
    void adamThenTheWalkEndsCertifiedNeverAboveAdamAndTheLossNeverRisesAcrossStages() throws Exception {
        Recorder recorder = new Recorder();
        SolveResult result = sequence(TrainingProblems.firstLayer(ROWS, SEED),
                Map.of("first", TrainingProblems.adam(200), "then", TrainingProblems.walk()), recorder);
        // Adam alone, run independently, is the point the walk must not end above
        SolveResult adam = new AdamMethod().solve(TrainingProblems.firstLayer(ROWS, SEED),
                TrainingProblems.adam(200).parameters(), StepListener.NONE);

        assertTrue(result.status().isCertified(), result.status() + ": " + result.message());
        assertNotNull(result.certificate());
        assertTrue(result.objective() <= adam.objective(), result.objective() + " above Adam's " + adam.objective());
        double fresh = TrainingProblems.freshObjective(ROWS, SEED, result.point());
        assertEquals(fresh, result.objective(), 1e-9 * Math.max(1, Math.abs(fresh)), "a fresh evaluation at the end point");

        // the walk starts where Adam ended, and from there no step raises the loss
        List<Step> walk = recorder.steps.stream().filter(s -> s.stage().startsWith("vertex-walk")).toList();
        assertTrue(recorder.steps.get(0).stage().equals("adam"), "the first stage is marked");
        assertEquals(adam.objective(), walk.get(0).objective(), 1e-9 * adam.objective(), "the walk starts at Adam's best");
        for (int i = 1; i < walk.size(); i++) {
            assertTrue(walk.get(i).objective() <= walk.get(i - 1).objective() + 1e-9 * adam.objective(),
                    "the loss rose at step " + walk.get(i).iteration());
        }
        assertEquals(result.objective(), walk.get(walk.size() - 1).objective(), 1e-9 * adam.objective());
        // iterations continue across stages and the stages' counters add up to the result's
        assertEquals(200, walk.get(0).iteration(), "the walk's iterations follow Adam's 200 epochs");
        assertEquals("adam", result.stages().get(0).name());
        assertEquals(200, result.stages().get(0).pivots());
        assertTrue(result.stages().size() >= 2 && result.stages().get(1).name().startsWith("vertex-walk"));
        assertEquals(result.iterations(), result.stages().stream().mapToLong(SolveStage::pivots).sum());
    }

    @Test
    void aLaterStageThatEndsHigherDoesNotRaiseTheLoss() throws Exception {
        Problem problem = TrainingProblems.firstLayer(ROWS, SEED);
        SolveResult result = sequence(problem,
                Map.of("first", TrainingProblems.adam(100), "then", TrainingProblems.method(new Worsening(), Map.of())),
                StepListener.NONE);
        SolveResult adam = new AdamMethod().solve(TrainingProblems.firstLayer(ROWS, SEED),
                TrainingProblems.adam(100).parameters(), StepListener.NONE);
        double[] moved = adam.point().clone();
        for (int c = 0; c < moved.length; c++) moved[c] += Worsening.SHIFT;
        double worse = TrainingProblems.freshObjective(ROWS, SEED, moved);
        assertTrue(worse > adam.objective(), "the premise: the moved point is worse, " + worse);
        assertArrayEquals(adam.point(), result.point(), "the first stage's point is kept");
        assertEquals(adam.objective(), result.objective());
        assertTrue(result.message().contains("kept the point of adam"), result.message());
    }

    @Test
    void theTimeLimitIsSharedTheFirstStageGetsItsFraction() throws Exception {
        SolveResult result = sequence(TrainingProblems.firstLayer(ROWS, SEED),
                Map.of("first", TrainingProblems.adam(1_000_000_000), "then", TrainingProblems.walk(),
                        "timeLimitSeconds", 2.0, "fraction", 0.25), StepListener.NONE);
        SolveStage adam = result.stages().get(0);
        assertTrue(result.message().startsWith("adam TIME_LIMIT"), result.message());
        assertTrue(adam.seconds() >= 0.5 && adam.seconds() < 1.5, "Adam ran " + adam.seconds() + " s of 0.5 s");
        assertTrue(result.status().isCertified() || result.status() == SolveStatus.TIME_LIMIT, result.message());
    }

    @Test
    void sequencesNestAndStageNamesSayWhere() throws Exception {
        var inner = TrainingProblems.method(new SequenceMethod(),
                Map.of("first", TrainingProblems.adam(50), "then", TrainingProblems.walk()));
        Recorder recorder = new Recorder();
        SolveResult result = sequence(TrainingProblems.firstLayer(ROWS, SEED),
                Map.of("first", TrainingProblems.adam(50), "then", inner), recorder);
        assertTrue(result.status().isCertified(), result.message());
        assertEquals(List.of("adam", "sequence/adam"),
                result.stages().stream().map(SolveStage::name).limit(2).toList());
        assertTrue(result.stages().get(2).name().startsWith("sequence/vertex-walk"), result.stages().toString());
        assertEquals(100, result.stages().get(0).pivots() + result.stages().get(1).pivots());
    }

    /** A method that moves far from where it starts, claiming a local minimum: what the sequence must not pass on. */
    private static final class Worsening implements SolverMethod {
        static final double SHIFT = 50;

        @Override
        public String name() {
            return "worsening";
        }

        @Override
        public String description() {
            return "moves every coordinate by " + SHIFT;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public SolveResult solve(Problem problem, Parameters parameters, StepListener listener) {
            double[] x = problem.start();
            for (int c = 0; c < x.length; c++) x[c] += SHIFT;
            problem.program().reset(x);
            return new SolveResult(SolveStatus.LOCAL_MINIMUM, problem.program().value(), x, 1, 0, 0, null, "");
        }
    }
}

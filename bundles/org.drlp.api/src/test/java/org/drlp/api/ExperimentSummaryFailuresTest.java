package org.drlp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which runs an experiment summary counts as failed: every one without a usable minimum, and no other. */
class ExperimentSummaryFailuresTest {

    @Test
    void unboundedAndAbandonedRunsFailLimitsAndCompletedRunsDoNot() {
        String abandoned = "run did not return within 6 s (pivot rule \"x\" hung while solving); "
                + ExperimentSummary.Run.ABANDONED;
        ExperimentSummary summary = new ExperimentSummary("s", Path.of("out"), List.of(
                run(SolveStatus.OPTIMAL, null),
                run(SolveStatus.LOCAL_MINIMUM, null),
                run(SolveStatus.ITERATION_LIMIT, "iteration limit 10 reached"),
                run(SolveStatus.TIME_LIMIT, "time limit 5.0 s reached"),
                run(SolveStatus.COMPLETED, "1000 epochs done"),
                run(SolveStatus.FAILED, "loading data: x"),
                run(SolveStatus.NUMERICAL_FAILURE, "drift"),
                run(SolveStatus.UNBOUNDED, "no neuron blocks the improving edge"),
                run(SolveStatus.TIME_LIMIT, abandoned)));

        assertEquals(List.of(false, false, false, false, false, true, true, true, true),
                summary.runs().stream().map(ExperimentSummary.Run::failed).toList());
        assertEquals(4, summary.failures());
    }

    private static ExperimentSummary.Run run(SolveStatus status, String message) {
        return new ExperimentSummary.Run("000", status, 1.0, 1, 0.1, message, 0, Map.of(), 0, 0);
    }
}

package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.api.Test;

/** Which runs count as failed for the exit status. */
class RunVerdictTest {

    /** The watchdog's message, as RunExecutor words it. */
    private static final String ABANDONED = "run did not return within 1.1 s (model \"slow\" hung while solving); abandoned";

    @Test
    void certifiedLimitsAndFailures() {
        assertEquals(RunVerdict.CERTIFIED, RunVerdict.of(SolveStatus.OPTIMAL, null));
        assertEquals(RunVerdict.CERTIFIED, RunVerdict.of(SolveStatus.LOCAL_MINIMUM, null));
        assertEquals(RunVerdict.LIMIT, RunVerdict.of(SolveStatus.ITERATION_LIMIT, "stopped after 10 iterations"));
        assertEquals(RunVerdict.LIMIT, RunVerdict.of(SolveStatus.TIME_LIMIT, "stopped after 1 s"));
        assertEquals(RunVerdict.LIMIT, RunVerdict.of(SolveStatus.COMPLETED, "200 epochs done; best iterate returned"));
        assertEquals(RunVerdict.FAILED, RunVerdict.of(SolveStatus.TIME_LIMIT, ABANDONED));
        assertEquals(RunVerdict.FAILED, RunVerdict.of(SolveStatus.UNBOUNDED, "no neuron blocks the improving edge"));
        assertEquals(RunVerdict.FAILED, RunVerdict.of(SolveStatus.NUMERICAL_FAILURE, null));
        assertEquals(RunVerdict.FAILED, RunVerdict.of(SolveStatus.FAILED, "loading data: x"));
    }

    @Test
    void aSweepWhoseOnlyFailureIsAnAbandonedRunHasOneFailure() {
        ExperimentSummary summary = new ExperimentSummary("s", Path.of("out"), List.of(
                run(0, SolveStatus.OPTIMAL, null),
                run(1, SolveStatus.ITERATION_LIMIT, "stopped after 10 iterations"),
                run(2, SolveStatus.TIME_LIMIT, ABANDONED)), List.of());

        assertEquals(1, summary.failures());
        assertEquals("s: 3 runs: 1 OPTIMAL, 1 ITERATION_LIMIT, 1 TIME_LIMIT", SweepTable.counts(summary));
    }

    private static ExperimentSummary.Run run(int index, SolveStatus status, String message) {
        return new ExperimentSummary.Run(String.format("%03d", index), status, 1.0, 10, 0.5, message, index, Map.of(), 0, 0);
    }
}

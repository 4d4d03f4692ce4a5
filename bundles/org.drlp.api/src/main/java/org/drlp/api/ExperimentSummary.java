package org.drlp.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What an experiment left behind.
 *
 * @param outputDirectory  where results.json, traces and plots were written
 * @param runs             one line per run, in sweep order
 */
public record ExperimentSummary(String name, Path outputDirectory, List<Run> runs) {

    public ExperimentSummary {
        runs = List.copyOf(runs);
    }

    /** One finished run: its label (the swept values), status, objective and solve time. */
    public record Run(String label, SolveStatus status, double objective, long iterations, double seconds,
                      String message) { }

    public long failures() {
        return runs.stream().filter(r -> r.status() == SolveStatus.FAILED
                || r.status() == SolveStatus.NUMERICAL_FAILURE).count();
    }
}

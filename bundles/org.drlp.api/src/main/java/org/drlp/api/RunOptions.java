package org.drlp.api;

import java.nio.file.Path;
import java.util.List;

/**
 * How an experiment is run, beside what its spec says.
 *
 * @param jobs       runs executed at the same time, at least 1; results are recorded in sweep order
 *                   whatever the order in which runs finish
 * @param overwrite  whether an output folder that holds an earlier experiment's results may be
 *                   cleared first (results.json, summary.csv, coefficients.csv, spec.json, drlp.log, runs/, plots/, report/
 *                   deleted; nothing else); without it (and without {@code resume}) such a folder
 *                   is refused, so that runs of two experiments never mix (since 1.4)
 * @param resume     whether the runs already finished in the output folder by the same spec (same
 *                   spec hash, same index; not INTERRUPTED) are kept and skipped, and only the
 *                   others run; a folder holding another spec's results is still refused. Not
 *                   together with {@code overwrite} (since 2.0)
 * @param selection  which runs of the sweep to execute (since 2.0)
 * @param overrides  values that replace the spec's, each {@code PATH=VALUE} as {@code drlp run --set} takes
 *                   it ({@code loss.tau=0.3}, {@code solver.lineSearch.type=crossing}), applied in order
 *                   and validated like the spec; see {@link ExperimentService#validate(Path, List)} (since 2.1)
 * @since 1.1
 */
public record RunOptions(int jobs, boolean overwrite, boolean resume, RunSelection selection, List<String> overrides) {

    /** One run at a time, into a folder without earlier results. */
    public static final RunOptions DEFAULT = new RunOptions(1);

    public RunOptions {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        if (overwrite && resume) throw new IllegalArgumentException("resume and overwrite exclude each other");
        if (selection == null) selection = RunSelection.ALL;
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** Without overrides. */
    public RunOptions(int jobs, boolean overwrite, boolean resume, RunSelection selection) {
        this(jobs, overwrite, resume, selection, List.of());
    }

    /** {@code jobs} at a time, every run, refusing a folder with earlier results unless {@code overwrite}. */
    public RunOptions(int jobs, boolean overwrite) {
        this(jobs, overwrite, false, RunSelection.ALL);
    }

    /** {@code jobs} at a time, refusing a folder with earlier results. */
    public RunOptions(int jobs) {
        this(jobs, false);
    }
}

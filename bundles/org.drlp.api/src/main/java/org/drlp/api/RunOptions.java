package org.drlp.api;

/**
 * How an experiment is run, beside what its spec says.
 *
 * @param jobs       runs executed at the same time, at least 1; results are recorded in sweep order
 *                   whatever the order in which runs finish
 * @param overwrite  whether an output folder that holds an earlier experiment's results may be
 *                   cleared first (results.json, summary.csv, spec.json, drlp.log, runs/, plots/, report/
 *                   deleted; nothing else); without it such a folder is refused, so that runs of
 *                   two experiments never mix (since 1.4)
 * @since 1.1
 */
public record RunOptions(int jobs, boolean overwrite) {

    /** One run at a time, into a folder without earlier results. */
    public static final RunOptions DEFAULT = new RunOptions(1);

    public RunOptions {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
    }

    /** {@code jobs} at a time, refusing a folder with earlier results. */
    public RunOptions(int jobs) {
        this(jobs, false);
    }
}

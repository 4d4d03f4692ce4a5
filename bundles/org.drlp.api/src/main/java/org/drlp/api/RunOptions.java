package org.drlp.api;

/**
 * How an experiment is run, beside what its spec says.
 *
 * @param jobs  runs executed at the same time, at least 1; results are recorded in sweep order
 *              whatever the order in which runs finish
 * @since 1.1
 */
public record RunOptions(int jobs) {

    /** One run at a time. */
    public static final RunOptions DEFAULT = new RunOptions(1);

    public RunOptions {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
    }
}

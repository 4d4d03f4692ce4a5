package org.drlp.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Progress of an experiment: one call when it starts, one when each run starts and finishes, and
 * progress reports from inside long solves.
 *
 * <p>Threads: calls never overlap (the experiment service makes them one at a time), so an
 * implementation needs no locking of its own. With more than one job they may come from
 * different threads, and runs start and finish out of sweep order; {@code index} says which run
 * it is. When {@code runFinished} is called, results.json and summary.csv already hold that run.
 */
@ConsumerType // implemented by callers of the experiment service
public interface RunListener {

    RunListener NONE = new RunListener() { };

    default void experimentStarted(String name, int runs) { }

    default void runStarted(int index, String label) { }

    default void runFinished(int index, String label, SolveStatus status, double objective, double seconds) { }

    /**
     * A run finished, with the one-line reason it ended as it did (null when it has none, as for
     * OPTIMAL): what the console shows under a failed run's row. The service calls this one; by
     * default it forwards to the call without the message.
     *
     * @since 1.3
     */
    default void runFinished(int index, String label, SolveStatus status, double objective, double seconds,
                             String message) {
        runFinished(index, label, status, objective, seconds);
    }

    /**
     * A run's plugin threw, or hung and was abandoned by the watchdog: the full stack trace (of the
     * exception, or of the hung worker thread) with the run and the stage, exactly as appended to
     * drlp.log in the output folder. Comes just before {@code runFinished} of that run; for a
     * launcher's {@code --debug}.
     *
     * @since 1.4
     */
    default void runFailureDetails(int index, String label, String stackTrace) { }

    /**
     * A solve in progress: its latest step. Comes between {@code runStarted} and {@code runFinished}
     * of that run, about every {@value #PROGRESS_INTERVAL_MILLIS} ms of solving, so that a long single
     * run shows that it is alive; only the last step's numbers are reported, not every step's.
     */
    default void runProgress(int index, long iteration, double objective, double seconds) { }

    /**
     * {@link #runProgress(int, long, double, double)} with the solve's region changes so far: the
     * neurons flipped, summed over its pivots ({@link StepListener#onStep}'s {@code regionChanges}).
     * The service calls this one; by default it forwards to the call without them.
     *
     * @since 2.2
     */
    default void runProgress(int index, long iteration, double objective, double seconds, long regionChanges) {
        runProgress(index, iteration, objective, seconds);
    }

    /** Time between two progress reports of one run. */
    long PROGRESS_INTERVAL_MILLIS = 500;
}

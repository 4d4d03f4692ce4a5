package org.drlp.api;

/**
 * Progress of an experiment: one call when it starts, and one when each run starts and finishes.
 *
 * <p>Threads: calls never overlap (the experiment service makes them one at a time), so an
 * implementation needs no locking of its own. With more than one job they may come from
 * different threads, and runs start and finish out of sweep order; {@code index} says which run
 * it is. When {@code runFinished} is called, results.json and summary.csv already hold that run.
 */
public interface RunListener {

    RunListener NONE = new RunListener() { };

    default void experimentStarted(String name, int runs) { }

    default void runStarted(int index, String label) { }

    default void runFinished(int index, String label, SolveStatus status, double objective, double seconds) { }
}

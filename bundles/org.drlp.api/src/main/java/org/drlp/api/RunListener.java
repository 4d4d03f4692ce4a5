package org.drlp.api;

/** Progress of an experiment: one call when it starts and one per finished run. */
public interface RunListener {

    RunListener NONE = new RunListener() { };

    default void experimentStarted(String name, int runs) { }

    default void runStarted(int index, String label) { }

    default void runFinished(int index, String label, SolveStatus status, double objective, double seconds) { }
}

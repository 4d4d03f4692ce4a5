package org.drlp.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sees every step of a solve. Called on the solving thread with primitives only, so that a solve
 * without a listener, or with a cheap one, allocates nothing per pivot.
 */
@ConsumerType // implemented by callers of a solve
@FunctionalInterface
public interface StepListener {

    StepListener NONE = (iteration, objective, step, entering, leaving, regionChanges, nanos) -> { };

    /**
     * @param iteration      pivots of the solve so far, over all its stages (0 at the start point)
     * @param objective      objective after the step, of the current stage's program
     * @param step           step length along the edge (0 for a degenerate step)
     * @param entering       neuron that became critical (-1 if none)
     * @param leaving        neuron (or -1 for an artificial coordinate constraint) that left the
     *                       critical set
     * @param regionChanges  neurons flipped in this pivot (region change plus pass-through crossings)
     * @param elapsedNanos   time since the solve began
     */
    void onStep(long iteration, double objective, double step, int entering, int leaving,
                int regionChanges, long elapsedNanos);

    /**
     * A new stage of the solve begins (see {@link SolveStage}); the steps that follow belong to it,
     * and its objective is that of the stage's own program. A stage's first step is its start point
     * (step 0, iteration the pivots before it). Methods without stages never call this.
     *
     * @since 2.0
     */
    default void onStage(String stage) {
    }

    /**
     * A plugin the method calls (a pivot rule, say) threw, and the solve ends FAILED with a one-line
     * message naming it: this passes the exception on, so that a caller can log its stack trace.
     *
     * @param plugin  how the message names it, for example {@code pivot rule "best-of-k"}
     * @since 2.0
     */
    default void onPluginFault(String plugin, Throwable fault) {
    }

    /**
     * Asked by a method between steps (the vertex walk: once per pivot): true when the caller wants
     * the solve to end now, with status {@link SolveStatus#INTERRUPTED} and the best point so far.
     * Must be cheap; a method that never asks runs to its own end.
     *
     * @since 2.0
     */
    default boolean stopRequested() {
        return false;
    }
}

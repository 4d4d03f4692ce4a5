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
     * @param iteration      1-based pivot counter
     * @param objective      objective after the step
     * @param step           step length along the edge (0 for a degenerate step)
     * @param entering       neuron that became critical (-1 if none)
     * @param leaving        neuron (or -1 for an artificial coordinate constraint) that left the
     *                       critical set
     * @param regionChanges  neurons flipped in this pivot (region change plus pass-through crossings)
     * @param elapsedNanos   time since the solve began
     */
    void onStep(long iteration, double objective, double step, int entering, int leaving,
                int regionChanges, long elapsedNanos);
}

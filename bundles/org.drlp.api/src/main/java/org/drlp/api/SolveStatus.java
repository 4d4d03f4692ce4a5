package org.drlp.api;

/** How a solve ended. */
public enum SolveStatus {
    /** A vertex with every edge slope non-negative on a convex problem: a global minimum. */
    OPTIMAL,
    /** Every edge slope non-negative on a non-convex problem: a local minimum. */
    LOCAL_MINIMUM,
    /** An improving direction along which no neuron blocks: the objective is unbounded below. */
    UNBOUNDED,
    /**
     * The problem has no feasible point (a linear program whose constraints contradict each other),
     * shown by a certificate of its own, such as a minimal total violation above zero.
     *
     * @since 2.0
     */
    INFEASIBLE,
    /** Stopped by the iteration budget before the method's own stopping rule (a certificate) was met. */
    ITERATION_LIMIT,
    TIME_LIMIT,
    /**
     * The method did all that was asked and stopped by its own rule, which certifies nothing: every
     * requested epoch of a gradient method, every block of a schedule. The point is the best found.
     *
     * @since 1.4
     */
    COMPLETED,
    /** The walked state disagreed with a recomputation from scratch beyond tolerance. */
    NUMERICAL_FAILURE,
    /** A plugin threw or returned something invalid; the message says which and why. */
    FAILED,
    /**
     * Stopped on request (SIGINT or SIGTERM to the launcher, {@link ExperimentService#stop()}) before
     * the method's own rule: the point is the best found so far, or none when the method did not
     * stop in time. A resumed experiment runs it again.
     *
     * @since 2.0
     */
    INTERRUPTED;

    /** True when the end point carries a local-optimality certificate. */
    public boolean isCertified() {
        return this == OPTIMAL || this == LOCAL_MINIMUM;
    }
}

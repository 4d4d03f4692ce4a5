package org.drlp.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * When the walk recomputes its state from the data: the edge directions from the critical
 * normals (an LU factorisation, O(n^3)), the preactivations and gradient, and the tracked
 * objective compared with the recomputed one (the drift check). Between refactorisations the
 * directions are updated by rank-one exchanges, whose round-off accumulates. The walk also
 * refactors whenever an exchange looks unstable, whatever the policy says. Created per walk by a
 * {@link RefactorPolicyProvider}.
 *
 * @since 2.0
 */
@ConsumerType // implemented by plugins
public interface RefactorPolicy {

    /** Before each pivot: whether to refactor now, {@code pivots} pivots after the last time. */
    boolean due(long pivots);

    /**
     * After each drift check: the tracked objective's deviation from the recomputed one, as a share
     * of what the walk tolerates before it ends NUMERICAL_FAILURE (so in [0, 1) when it goes on).
     */
    void checked(double drift);
}

package org.drlp.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The anti-cycling (degeneracy) rule of the vertex walk. At a degenerate vertex (more neurons at
 * their kink than the n critical ones) pivots can have zero length, and a pivot rule can cycle
 * among bases of one point. The rule watches the pivots; while it is {@link #active()} it chooses
 * the edge instead of the pivot rule and the entering neuron among the ratio test's ties, and the
 * walk stops at the first breakpoint. Created per walk by a {@link DegeneracyRuleProvider}.
 *
 * @since 2.0
 */
@ConsumerType // implemented by plugins
public interface DegeneracyRule {

    /**
     * After every pivot.
     *
     * @param progressed true when the pivot moved and lowered the objective (not a zero-length step)
     */
    void afterPivot(boolean progressed, DegeneracyView walk);

    /** True while the rule makes the choices; read after each {@link #afterPivot}. */
    boolean active();

    /** While active: an improving edge ({@code edges.improving(e)}). */
    int chooseEdge(EdgeView edges);

    /** While active: which of the ties enters the critical set, an index q in [0, ties.count()). */
    int chooseBlocking(BlockingTies ties);
}

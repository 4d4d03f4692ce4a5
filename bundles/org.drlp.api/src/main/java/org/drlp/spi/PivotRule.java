package org.drlp.spi;

/**
 * Chooses the edge to walk. Called only when at least one edge is improving. Instances are created
 * per solve by a {@link PivotRuleProvider} and may keep state.
 */
@FunctionalInterface
public interface PivotRule {

    /** Returns an edge index e with {@code edges.improving(e)}. */
    int choose(EdgeView edges);
}

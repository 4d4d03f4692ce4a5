package org.drlp.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Chooses the edge to walk. Called only when at least one edge is improving. Instances are created
 * per solve by a {@link PivotRuleProvider} and may keep state.
 */
@ConsumerType // implemented by pivot-rule plugins
@FunctionalInterface
public interface PivotRule {

    /** Returns an edge index e with {@code edges.improving(e)}. */
    int choose(EdgeView edges);
}

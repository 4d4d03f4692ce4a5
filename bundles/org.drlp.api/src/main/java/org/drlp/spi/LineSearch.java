package org.drlp.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How far the walk goes along the improving edge it chose, and which neuron enters the critical
 * set there. Created per walk by a {@link LineSearchProvider}; may keep state between searches,
 * must not allocate per search (the kernel calls it once per pivot).
 *
 * @since 2.0
 */
@ConsumerType // implemented by line-search plugins
public interface LineSearch {

    /**
     * Called once per walk, before the first search: prepares for {@code program} (sizes buffers,
     * say) and returns why this search cannot walk it, or null when it can. The run then ends
     * FAILED with the reason.
     */
    default String prepare(ReluProgram program) {
        return null;
    }

    /**
     * Walks the edge: crosses ({@link LineView#cross}) the neurons it passes and returns the
     * breakpoint neuron where it stops, which enters the critical set, having set {@link #step()}
     * and {@link #decrease()}. Returns -1 when the slope stays negative past every breakpoint
     * (unbounded), after undoing its crossings.
     */
    int search(LineView line);

    /** The step t of the last {@link #search}: the line's parameter at the stopping breakpoint. */
    double step();

    /** The objective's decrease over the last {@link #search} (>= 0). */
    double decrease();

    /**
     * What {@link #search} would decrease the objective by along this line, without crossing
     * anything; {@code Double.POSITIVE_INFINITY} when unbounded. Pivot rules that look ahead
     * (greatest improvement) use it.
     */
    double improvement(LineView line);

    /**
     * True when the search crosses breakpoints (pass-through) rather than stopping at the first: at
     * a stall of a convex separable program the walk may then give the neurons at their kink
     * balanced sides ({@link DegeneracyView#rebalanceKinks}).
     */
    default boolean passesThrough() {
        return false;
    }

    /**
     * True when the last search crossed a neuron that changed other neurons' rates, so the
     * program's preactivations must be recomputed after the walk advances (unless the program's
     * flips are exact, {@link ReluProgram#exactFlips()}).
     */
    default boolean needsRefresh() {
        return false;
    }
}

package org.drlp.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link DegeneracyRule} can ask of the walk.
 *
 * @since 2.0
 */
@ProviderType // implemented by the kernel only
public interface DegeneracyView {

    /**
     * At a stall of a convex separable program walked by a pass-through line search: gives the
     * non-critical neurons at their kink the sides that keep the gradient short (the point and
     * the objective do not change). Does nothing on other programs.
     *
     * @return whether any neuron changed side
     */
    boolean rebalanceKinks();

    /** The objective at the current vertex, as the walk tracks it. */
    double objective();

    /** Pivots taken so far in this walk. */
    long iteration();
}

package org.drlp.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The 2n edges at the current vertex, priced, as a pivot rule sees them. Edge {@code e} leaves
 * critical position {@code e / 2}: even edges stay on the neuron's current side, odd edges cross to
 * the other side (a region change). Quantities beyond the slope are computed on first request.
 */
@ProviderType // implemented by the kernel only
public interface EdgeView {

    /** Number of edges, 2n. */
    int size();

    /** Directional derivative of f along edge e (per unit of the leaving neuron's preactivation). */
    double slope(int e);

    /** True when the edge's slope is below minus its tolerance: taking it lowers f. */
    boolean improving(int e);

    /** Squared Euclidean length of the edge direction. */
    double normSquared(int e);

    /**
     * Objective decrease (>= 0) from walking edge e as far as it keeps improving: the exact line
     * search (through several breakpoints on separable programs), without moving.
     */
    double improvement(int e);

    /** Neuron at critical position e / 2, or -1 for a free coordinate direction (phase 1). */
    int neuron(int e);

    /** Pivots taken so far in this solve. */
    long iteration();
}

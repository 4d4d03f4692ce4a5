package org.drlp.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The neurons that tie for blocking the edge in Harris' ratio test (each reaches its kink within
 * the tolerance of the first), well-conditioned ones only (rate at least a fixed share of the
 * largest), in increasing neuron order; never empty.
 *
 * @since 2.0
 */
@ProviderType // implemented by the kernel only
public interface BlockingTies {

    int count();

    /** The q-th tie's neuron; increasing in q. */
    int neuron(int q);

    /** The q-th tie's oriented rate along the edge (negative). */
    double rate(int q);
}

package org.drlp.kernel.linesearch;

/**
 * A line whose rate floor (on a general program: a relative epsilon times the largest rate of its
 * non-critical neurons) has not been computed yet, so that a search that makes a pass over the
 * neurons anyway supplies the largest rate from it: the kernel then makes one pass over the
 * neurons per pivot instead of two. Until it is supplied, {@code rateFloor} computes it with a
 * pass of its own.
 */
public interface FoldedRateFloor {

    /** True while the floor is still to be supplied. */
    boolean floorPending();

    /** Supplies the largest |rate| over the non-critical neurons: the floor follows from it. */
    void largestRate(double max);
}

package org.drlp.spi;

/**
 * Where a walk starts: a point, and optionally a critical set there (n neuron indices whose normals
 * are independent) with the sides of the neurons at their kink. Without a basis the walk runs its
 * free-direction phase (phase 1) from the point; with one it starts at that vertex, and falls back
 * to phase 1 from the point when the set is not a basis there.
 *
 * @param point  start point, length n
 * @param basis  critical set, or null
 * @param sides  side of every neuron (high = true) for the neurons at their kink, or null
 * @param note   what the start did, for the result's message; empty for nothing to say
 * @since 2.0
 */
public record WarmStart(double[] point, int[] basis, boolean[] sides, String note) {

    public WarmStart {
        if (point == null) throw new IllegalArgumentException("a start needs a point");
        note = note == null ? "" : note;
    }

    /** Phase 1 from a point. */
    public static WarmStart at(double[] point) {
        return new WarmStart(point, null, null, "");
    }
}

package org.drlp.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The edge a {@link LineSearch} walks, as the kernel shows it: the line x + t v from the current
 * vertex (t >= 0), the slope of f at t = 0, and every neuron's preactivation along it. A neuron
 * {@code j} is a breakpoint of the line when it is not critical and its oriented rate is below
 * minus {@link #rateFloor}: it reaches its kink at t = {@link #distance}(j) / -{@link #rate}(j).
 * The accessors read the kernel's arrays; calling them costs no allocation.
 *
 * @since 2.0
 */
@ProviderType // implemented by the kernel only
public interface LineView {

    /** Neurons of the program, m. */
    int neurons();

    /** True when neuron j is in the critical set (it stays at its kink along the edge). */
    boolean critical(int j);

    /** Rate of neuron j's preactivation along v, signed so that negative moves it towards its kink. */
    double rate(int j);

    /** How far neuron j is from its kink on its current side: max(0, oriented z_j). */
    double distance(int j);

    /** Zero tolerance of neuron j's preactivation (Harris' ratio test allows this much overshoot). */
    double tolerance(int j);

    /** Oriented rates above minus this count as zero: the neuron runs parallel to the edge. */
    double rateFloor(int j);

    /**
     * On a separable program the slope's increase per unit of neuron j's rate when the line crosses
     * its kink, phi'_high(j) - phi'_low(j) (so crossing j adds -rate(j) * kink(j) to the slope);
     * NaN on other programs, where {@link ReluProgram#flipEffect} tells.
     */
    double kink(int j);

    /** Slope of f along v at t = 0 (negative: the edge improves). */
    double slope();

    /** Slopes above minus this count as not improving. */
    double slopeTolerance();

    /** True when the program is a {@link SeparableProgram}. */
    boolean separable();

    /** The program walked, for searches that ask it what a crossing changes. */
    ReluProgram program();

    /** The edge direction v. The kernel's array: read it, never write it. */
    double[] direction();

    /**
     * The raw rates dz = d z / d t of every neuron under the current pattern (not oriented). The
     * kernel's array: a search that crosses neurons whose crossing changes other neurons' rates
     * (a general program) updates it in place, so that afterwards it holds the final region's rates.
     */
    double[] rates();

    /** Crosses neuron j (flips it to its other side) on the way; crossing it again undoes it. */
    void cross(int j);
}

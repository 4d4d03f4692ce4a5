package org.drlp.kernel.linesearch;

/**
 * A line that can tell whether a neuron's rate along it is round-off of the basis rather than
 * movement: n_j . d below {@link org.drlp.kernel.basis.EdgeDirections#PIVOT_EPSILON} times |n_j| |d|.
 * Such a neuron does not leave its kink along the line in exact arithmetic, and entering it would
 * make the basis (numerically) singular: a search stopping at a breakpoint passes it by instead.
 * Asked only of the neuron a search would stop at, since the test costs a normal (O(branch + n)).
 */
public interface PivotTolerance {

    /** True when neuron j's rate along the line is too small, relative to its normal, to pivot on. */
    boolean negligiblePivot(int j);
}

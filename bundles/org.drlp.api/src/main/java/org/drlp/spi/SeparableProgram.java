package org.drlp.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A ReLU program whose neurons all read x directly and feed the output directly:
 * f(x) = c . x + sum_j phi_j(a_j . x - b_j), with phi_j(z) = low_j z for {@code z < 0} and high_j z for {@code z >= 0}
 * (slopes include the output weight). LAD, quantile and other piecewise-linear regressions, and
 * linear programs in penalty form, are of this kind. The solver uses the structure for the
 * pass-through line search, closed-form pricing and the dual certificate.
 */
@ConsumerType // implemented by model plugins
public interface SeparableProgram extends ReluProgram {

    /** Slope of f in z_j on the low side ({@code z_j < 0}). */
    double lowSlope(int j);

    /** Slope of f in z_j on the high side (z_j > 0). */
    double highSlope(int j);

    /**
     * Writes {@code c + sum_j lambda_j a_j} into {@code out}: the stationarity residual of a dual
     * vector, computed from the data (not from the solver's state).
     */
    void stationarity(double[] lambda, double[] out);

    /**
     * Rows of the data behind the program: neuron j belongs to row {@code j / neuronsPerRow()}, and
     * the neurons of one row share their normal. 0 (the default) when the program cannot be
     * {@linkplain #restrict restricted}; the solver then does not presolve it.
     *
     * @since 1.1
     */
    default int rowCount() {
        return 0;
    }

    /** Neurons per data row (the kinks of a loss); see {@link #rowCount()}. */
    default int neuronsPerRow() {
        return 1;
    }

    /**
     * A new, independent program of the same kind on some rows only, for presolving: neuron s of the
     * result is neuron {@code keep[s / k] * k + s % k} of this one ({@code k = neuronsPerRow()}). When
     * {@code sides} is null the other rows are left out (a subsample). Otherwise every neuron j of a row
     * not kept is folded into the linear part c as the linear piece of side {@code sides[j]} (true: high),
     * so that the result equals this program, up to an additive constant, wherever those neurons are on
     * those sides. Reads {@code sides} only during the call.
     *
     * @param keep  sorted, distinct rows in [0, rowCount())
     * @throws UnsupportedOperationException when {@link #rowCount()} is 0
     * @since 1.1
     */
    default SeparableProgram restrict(int[] keep, boolean[] sides) {
        throw new UnsupportedOperationException("this program cannot be restricted to a subset of its rows");
    }
}

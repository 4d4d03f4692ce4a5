package org.drlp.spi;

/**
 * A ReLU program whose neurons all read x directly and feed the output directly:
 * f(x) = c . x + sum_j phi_j(a_j . x - b_j), with phi_j(z) = low_j z for z < 0 and high_j z for z >= 0
 * (slopes include the output weight). LAD, quantile and other piecewise-linear regressions, and
 * linear programs in penalty form, are of this kind. The solver uses the structure for the
 * pass-through line search, closed-form pricing and the dual certificate.
 */
public interface SeparableProgram extends ReluProgram {

    /** Slope of f in z_j on the low side (z_j < 0). */
    double lowSlope(int j);

    /** Slope of f in z_j on the high side (z_j > 0). */
    double highSlope(int j);

    /**
     * Writes {@code c + sum_j lambda_j a_j} into {@code out}: the stationarity residual of a dual
     * vector, computed from the data (not from the solver's state).
     */
    void stationarity(double[] lambda, double[] out);
}

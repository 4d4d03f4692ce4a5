package org.drlp.model.linear;

import java.util.List;

import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PiecewiseLinearLoss.Kink;

/**
 * A solved linear quantile regression, as its inference sees it. Case weights are folded in as R's
 * {@code rq.wfit} does (each row of the design and the target multiplied by its weight), so that every
 * inference method works on the weighted data unchanged.
 *
 * @param design        row-major rows x p, weighted, the intercept column included when fitted
 * @param target        length rows, weighted
 * @param p             number of coefficients
 * @param tau           the quantile level, in (0, 1)
 * @param names         the coefficients' names, length p
 * @param coefficients  the solution, length p
 * @param unique        whether the solution is certified the only minimiser (smallest edge slope > 0)
 */
record QuantileFit(double[] design, double[] target, int p, double tau, List<String> names, double[] coefficients,
                   boolean unique) {

    QuantileFit {
        names = List.copyOf(names);
        if (design.length != (long) target.length * p || names.size() != p || coefficients.length != p) {
            throw new IllegalArgumentException("fit shape: " + design.length + " design entries, " + target.length
                    + " rows, " + p + " coefficients, " + names.size() + " names");
        }
    }

    /**
     * A fit with case weights folded in as {@code rq.wfit} and {@code summary.rq} do: row i of the
     * design and target i multiplied by weights[i] (a row of weight 0 stays, as a row of zeros, so
     * that the row count is R's).
     *
     * @param weights  one per row, >= 0; null: unweighted (the arrays are taken as they are)
     */
    static QuantileFit weighted(double[] design, double[] target, double[] weights, int p, double tau,
                                List<String> names, double[] coefficients, boolean unique) {
        if (weights == null) return new QuantileFit(design, target, p, tau, names, coefficients, unique);
        double[] x = new double[design.length], y = new double[target.length];
        for (int i = 0; i < target.length; i++) {
            double w = weights[i];
            for (int c = 0; c < p; c++) x[i * p + c] = w * design[i * p + c];
            y[i] = w * target[i];
        }
        return new QuantileFit(x, y, p, tau, names, coefficients, unique);
    }

    int rows() {
        return target.length;
    }

    double x(int row, int column) {
        return design[row * p + column];
    }

    /** y_i - x_i . beta, R's sign convention (positive above the fit). */
    double residual(int row) {
        double fit = 0;
        for (int c = 0; c < p; c++) fit += design[row * p + c] * coefficients[c];
        return target[row] - fit;
    }

    /**
     * The quantile level of a loss with one kink at 0 and slopes -s tau below, s (1 - tau) above for
     * some s > 0 (quantile, and absolute with tau = 1/2); NaN for any other loss, which has no
     * quantile inference.
     */
    static double tauOf(PiecewiseLinearLoss loss) {
        List<Kink> kinks = loss.kinks();
        if (kinks.size() != 1) return Double.NaN;
        Kink kink = kinks.get(0);
        if (kink.at() != 0 || !(kink.lowSlope() < 0) || !(kink.highSlope() > 0)) return Double.NaN;
        return -kink.lowSlope() / (kink.highSlope() - kink.lowSlope());
    }
}

package org.drlp.model.lp;

import org.drlp.api.Certificate;
import org.drlp.api.SolveResult;

/**
 * The duality gap of a feasible minimum of the penalty: with multipliers lambda (c + sum lambda_j a_j = r,
 * r the stationarity residual), the LP's dual objective is {@code -sum lambda_j b_j}; it equals the primal
 * {@code s c . x} at an optimum. The residual's share of the gap, {@code |r| |x|}, counts against it.
 *
 * @param primal             s c . x (the program's objective without its constant)
 * @param dual               -sum lambda_j b_j
 * @param residual           max|r| times sum |x_c|
 * @param largestMultiplier  max |lambda_j|
 */
record Gap(double primal, double dual, double residual, double largestMultiplier) {

    static Gap of(LinearProgram lp, PenaltyProgram program, SolveResult walk) {
        Certificate certificate = walk.certificate();
        double[] x = walk.point();
        double sense = lp.maximise() ? -1 : 1;
        double primal = 0, norm = 0;
        for (int c = 0; c < x.length; c++) {
            primal += sense * lp.cost()[c] * x[c];
            norm += Math.abs(x[c]);
        }
        if (certificate == null || certificate.dual() == null) {
            return new Gap(primal, Double.NaN, Double.NaN, Double.NaN);
        }
        double dual = 0, largest = 0;
        double[] lambda = certificate.dual();
        for (int j = 0; j < lambda.length; j++) {
            dual -= lambda[j] * program.offset(j);
            largest = Math.max(largest, Math.abs(lambda[j]));
        }
        return new Gap(primal, dual, certificate.stationarityResidual() * norm, largest);
    }

    /** (|primal - dual| + residual) / (1 + |primal|); NaN without a dual. */
    double relative() {
        return (Math.abs(primal - dual) + residual) / (1 + Math.abs(primal));
    }

    boolean closed(double tolerance) {
        return relative() <= tolerance;
    }
}

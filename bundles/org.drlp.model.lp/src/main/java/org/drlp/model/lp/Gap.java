package org.drlp.model.lp;

import org.drlp.api.Certificate;
import org.drlp.api.SolveResult;

/**
 * How far the walk's multipliers lambda, each moved into its interval (the sign its constraint allows),
 * fall short of proving a feasible point optimal for the LP. They are an LP dual when stationarity holds, {@code r = s c + sum lambda_j a_j = 0} (s = 1 to
 * minimise, -1 to maximise), and then the dual objective {@code -sum lambda_j b_j} equals the primal
 * {@code s c . x} at an optimum. Both are measured: the gap (with the residual's share {@code |r| |x|}
 * counted against it) relative to {@code 1 + |s c . x|}, and {@code max |r|} relative to
 * {@code 1 + max |c|}: a residual as large as the costs proves nothing, whatever x is (at x = 0 its
 * share of the gap vanishes).
 *
 * @param primal             s c . x (the program's objective without its constant)
 * @param dual               -sum lambda_j b_j
 * @param residual           max|r| times sum |x_c|
 * @param stationarity       max|r| over 1 + max|c|
 * @param largestMultiplier  max |lambda_j|
 */
record Gap(double primal, double dual, double residual, double stationarity, double largestMultiplier) {

    static Gap of(LinearProgram lp, PenaltyProgram program, SolveResult walk) {
        Certificate certificate = walk.certificate();
        double[] x = walk.point();
        double sense = lp.maximise() ? -1 : 1;
        double primal = 0, norm = 0, cost = 0;
        for (int c = 0; c < x.length; c++) {
            primal += sense * lp.cost()[c] * x[c];
            norm += Math.abs(x[c]);
            cost = Math.max(cost, Math.abs(lp.cost()[c]));
        }
        if (certificate == null || certificate.dual() == null) {
            return new Gap(primal, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] lambda = feasibleMultipliers(program, certificate.dual());
        double dual = 0, largest = 0;
        for (int j = 0; j < lambda.length; j++) {
            dual -= lambda[j] * program.offset(j);
            largest = Math.max(largest, Math.abs(lambda[j]));
        }
        double[] residual = new double[x.length];
        program.stationarity(lambda, residual);
        double r = 0;
        for (double v : residual) r = Math.max(r, Math.abs(v));
        return new Gap(primal, dual, r * norm, r / (1 + cost), largest);
    }

    /**
     * The multipliers moved into their intervals [low_j, high_j]: only then is {@code -sum lambda_j b_j}
     * a lower bound on the LP (weak duality); a sign off by d on a row with slack t would err by d t.
     * The residual is recomputed from the data for these.
     */
    static double[] feasibleMultipliers(PenaltyProgram program, double[] lambda) {
        double[] clipped = new double[lambda.length];
        for (int j = 0; j < lambda.length; j++) {
            clipped[j] = Math.min(Math.max(lambda[j], program.lowSlope(j)), program.highSlope(j));
        }
        return clipped;
    }

    /** The larger of the relative gap and the relative stationarity residual; NaN without a dual. */
    double relative() {
        double gap = (Math.abs(primal - dual) + residual) / (1 + Math.abs(primal));
        return Double.isNaN(gap) || Double.isNaN(stationarity) ? Double.NaN : Math.max(gap, stationarity);
    }

    boolean closed(double tolerance) {
        return relative() <= tolerance;
    }
}

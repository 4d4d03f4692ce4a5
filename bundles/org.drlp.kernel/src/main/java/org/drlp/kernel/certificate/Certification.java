package org.drlp.kernel.certificate;

import org.drlp.api.Certificate;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.kernel.basis.EdgeDirections;
import org.drlp.kernel.pricing.EdgePricing;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.SeparableProgram;

/**
 * The end of a walk: the local-optimality certificate from the priced edges, the dual of a separable
 * program and its stationarity residual, and the checks of the walk's claims against the program's
 * own data before they are reported: the gradient and value it trusted (a drifted program must not
 * end OPTIMAL) and an unbounded edge (../../../../../../../../../docs/algorithm.md, sections 7 and 9).
 * Runs once per walk, or once per unbounded claim; never per pivot.
 */
public final class Certification {

    private final ReluProgram program;
    private final SeparableProgram separable;
    private final EdgePricing pricing;
    private final EdgeDirections basis;
    private final int n;
    private final int m;

    public Certification(ReluProgram program, EdgePricing pricing, EdgeDirections basis) {
        this.program = program;
        this.separable = program instanceof SeparableProgram s ? s : null;
        this.pricing = pricing;
        this.basis = basis;
        this.n = program.dimension();
        this.m = program.neuronCount();
    }

    /**
     * The walk's result with its certificate, after a refactorisation and a pricing at the end
     * point (when {@code trusted}; otherwise the refactorisation failed and the state is as it was).
     * A certified status the priced slopes or the data do not confirm becomes NUMERICAL_FAILURE.
     *
     * @param termScale magnitude of the terms of the objective at the point (the value's round-off)
     */
    public SolveResult result(SolveStatus status, String message, boolean trusted, double termScale, long iterations,
                              long regionChanges, double seconds) {
        double minSlope = Double.POSITIVE_INFINITY, maxTolerance = 0;
        int free = 0;
        for (int e = 0; e < 2 * n; e++) {
            minSlope = Math.min(minSlope, pricing.slope(e));
            maxTolerance = Math.max(maxTolerance, pricing.slopeTolerance(e));
        }
        double maxResidual = 0;
        for (int k = 0; k < n; k++) {
            int c = basis.critical(k);
            if (c < 0) free++;
            else maxResidual = Math.max(maxResidual, Math.abs(program.preactivations()[c]));
        }
        if (status.isCertified() && trusted) {
            for (int e = 0; e < 2 * n; e++) {
                if (pricing.slope(e) < -pricing.slopeTolerance(e)) {
                    status = SolveStatus.NUMERICAL_FAILURE;
                    message = "after refactorisation edge " + e + " has slope " + pricing.slope(e) + " < 0";
                    break;
                }
            }
        }
        if (separable != null && trusted && (status.isCertified() || status == SolveStatus.UNBOUNDED)) {
            String mismatch = separableMismatch(termScale);
            if (mismatch != null) {
                status = SolveStatus.NUMERICAL_FAILURE;
                message = mismatch;
            }
        }
        double[] dual = null;
        double violation = Double.NaN, stationarity = Double.NaN;
        if (separable != null && trusted) {
            dual = dualVector();
            violation = dualViolation(dual);
            double[] residual = new double[n];
            separable.stationarity(dual, residual);
            stationarity = 0;
            for (double r : residual) stationarity = Math.max(stationarity, Math.abs(r));
        }
        double recomputed = program.value();
        Certificate certificate = new Certificate(minSlope, maxTolerance, 2 * n, free, maxResidual, recomputed,
                dual, violation, stationarity);
        return new SolveResult(status, recomputed, program.point().clone(), iterations, regionChanges, seconds,
                certificate, message);
    }

    /**
     * Before reporting UNBOUNDED on a separable program, the slope far out along the unblocked
     * direction d is recomputed from the data in compensated arithmetic (not from the program's
     * gradient, nor from the walk's rates): c . d + sum_j phi'_j (a_j . d), where each neuron is on
     * the side its rate a_j . d takes it to (its current side when the rate is zero). A program that
     * drifted, a direction that is in truth flat, or rates lost to round-off on badly scaled data
     * must not be reported as unbounded.
     *
     * @param normalWork scratch of length n
     * @return null, or why the claim does not hold
     */
    public String unboundedDoubt(int edge, double[] direction, double[] normalWork) {
        if (separable == null) return null;
        boolean[] high = program.highSide();
        double[] linear = new double[n];
        separable.stationarity(new double[m], linear);
        CompensatedSum slopeFar = new CompensatedSum();
        slopeFar.addDot(linear, direction);
        CompensatedSum rate = new CompensatedSum();
        for (int j = 0; j < m; j++) {
            separable.normal(j, normalWork);
            rate.reset();
            rate.addDot(normalWork, direction);
            double r = rate.value();
            boolean farHigh = r > 0 || (r == 0 && high[j]);
            slopeFar.addProduct(farHigh ? separable.highSlope(j) : separable.lowSlope(j), r);
        }
        double slopeFromData = slopeFar.value();
        if (slopeFromData < -pricing.slopeTolerance(edge)) return null;
        return "the walk's slope " + pricing.slope(edge) + " along the unblocked edge " + edge
                + " disagrees with the slope far along it that the data give, " + slopeFromData
                + (isBoundedBelow() ? " (every neuron's loss is >= 0 and there is no linear term: the program is "
                        + "bounded below by 0 and cannot be unbounded)" : "");
    }

    /**
     * True when f = c . x + sum_j phi_j(z_j) is >= 0 everywhere: no linear term and every phi_j has
     * low slope <= 0 <= high slope (absolute, quantile, epsilon-insensitive and hinge losses). The
     * check above can never confirm an unbounded edge of such a program: every term of its far
     * slope is >= 0, in floating point too.
     */
    private boolean isBoundedBelow() {
        for (int j = 0; j < m; j++) {
            if (separable.lowSlope(j) > 0 || separable.highSlope(j) < 0) return false;
        }
        double[] linear = new double[n];
        separable.stationarity(new double[m], linear);
        for (double c : linear) {
            if (c != 0) return false;
        }
        return true;
    }

    /**
     * Checks a separable program's gradient and value, which the walk trusted, against the same
     * quantities computed from its data ({@link SeparableProgram#stationarity}, the slopes and the
     * preactivations): c + sum_j phi'_j a_j and c . x + sum_j phi_j(z_j). A program that drifted
     * from its own data would otherwise end OPTIMAL (or UNBOUNDED) at the wrong point.
     *
     * @return null, or what disagrees
     */
    private String separableMismatch(double termScale) {
        boolean[] high = program.highSide();
        double[] sides = new double[m];
        for (int j = 0; j < m; j++) sides[j] = high[j] ? separable.highSlope(j) : separable.lowSlope(j);
        double[] fromData = new double[n];
        separable.stationarity(sides, fromData);
        double[] gradient = pricing.gradient();
        double[] gradientMagnitude = pricing.gradientMagnitude();
        program.gradient(gradient);
        double worst = 0, size = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(fromData[i] - gradient[i]));
            size = Math.max(size, gradientMagnitude[i]);
        }
        if (worst > 1e-9 * size + Double.MIN_NORMAL) {
            return "the program's gradient differs from the one its data give by " + worst;
        }
        double[] linear = new double[n];
        separable.stationarity(new double[m], linear);
        double[] x = program.point(), z = program.preactivations();
        double value = 0, magnitude = termScale;
        for (int i = 0; i < n; i++) {
            value += linear[i] * x[i];
            magnitude += Math.abs(linear[i] * x[i]);
        }
        for (int j = 0; j < m; j++) {
            double term = (z[j] < 0 ? separable.lowSlope(j) : separable.highSlope(j)) * z[j];
            value += term;
            magnitude += Math.abs(term);
        }
        double reported = program.value();
        if (!(Math.abs(reported - value) <= 1e-11 * magnitude + Double.MIN_NORMAL)) {
            return "the program's value " + reported + " differs from the sum of its terms " + value;
        }
        return null;
    }

    /**
     * Dual of a separable program: the slope of each non-critical neuron's side; for critical neuron c
     * at position k, lambda_c = phi'_side(c) - sigma_c gamma_k, which makes c + sum lambda_j a_j = 0.
     */
    private double[] dualVector() {
        boolean[] high = program.highSide();
        double[] dual = new double[m];
        for (int j = 0; j < m; j++) dual[j] = high[j] ? separable.highSlope(j) : separable.lowSlope(j);
        for (int k = 0; k < n; k++) {
            int c = basis.critical(k);
            if (c < 0) continue;
            double sigma = high[c] ? 1 : -1;
            dual[c] -= sigma * pricing.slope(2 * k);
        }
        return dual;
    }

    private double dualViolation(double[] dual) {
        double worst = 0;
        for (int k = 0; k < n; k++) {
            int c = basis.critical(k);
            if (c < 0) continue;
            double lo = Math.min(separable.lowSlope(c), separable.highSlope(c));
            double hi = Math.max(separable.lowSlope(c), separable.highSlope(c));
            worst = Math.max(worst, Math.max(lo - dual[c], dual[c] - hi));
        }
        return Math.max(0, worst);
    }
}

package org.drlp.model.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.drlp.api.CoefficientTable;

/**
 * Standard errors from the asymptotic covariance of the quantile regression estimate, exactly as R
 * quantreg 5.94's {@code summary.rq} computes them (se = "iid", "nid", "ker", with its defaults
 * {@code hs = TRUE}): t statistics on n - p degrees of freedom, two-sided p-values, and intervals
 * estimate +- t(n - p, (1 + level) / 2) se (summary.rq prints none; these go with its t test).
 */
enum SandwichInference implements CoefficientInference {

    /**
     * Errors independent of x: tau (1 - tau) s^2 (X'X)^-1, the sparsity s the slope of a median line
     * through the order statistics of the residuals next to the zero ones (Siddiqui's difference
     * quotient, Hall-Sheather bandwidth).
     */
    IID("iid"),
    /** Hendricks-Koenker sandwich: densities f_i = 2h / x_i (beta(tau + h) - beta(tau - h)). */
    NID("nid"),
    /** Powell's kernel sandwich: f_i a Gaussian kernel of the residual. */
    KER("ker");

    /** R's eps in summary.rq: sqrt(.Machine$double.eps), an absolute threshold. */
    private static final double EPS = Math.sqrt(Math.ulp(1.0));
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private final String id;

    SandwichInference(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /**
     * R's {@code bandwidth.rq(tau, n, hs = TRUE)}: the Hall-Sheather bandwidth for alpha = 0.05,
     * n^(-1/3) z^(2/3) (1.5 phi(x0)^2 / (2 x0^2 + 1))^(1/3) with z = qnorm(0.975), x0 = qnorm(tau).
     */
    static double bandwidth(double tau, int n) {
        double x0 = NORMAL.inverseCumulativeProbability(tau);
        double f0 = NORMAL.density(x0);
        double z = NORMAL.inverseCumulativeProbability(0.975);
        return Math.pow(n, -1.0 / 3) * Math.pow(z, 2.0 / 3) * Math.cbrt(1.5 * f0 * f0 / (2 * x0 * x0 + 1));
    }

    /** The bandwidth halved until tau +- h lies in [0, 1], as nid and ker do. */
    private static double inside(double tau, int n) {
        double h = bandwidth(tau, n);
        while (tau - h < 0 || tau + h > 1) h /= 2;
        return h;
    }

    @Override
    public CoefficientTable table(QuantileFit fit, double level) {
        int n = fit.rows(), p = fit.p();
        double tau = fit.tau();
        List<String> notes = new ArrayList<>();
        double[] covariance;
        try {
            covariance = switch (this) {
                case IID -> iid(fit, notes);
                case NID -> sandwich(fit, nidDensities(fit, notes));
                case KER -> sandwich(fit, kernelDensities(fit));
            };
        } catch (SingularMatrixException e) {
            notes.add(id + ": the " + (this == IID ? "design" : "density-weighted design") + " is singular: no standard errors");
            covariance = null;
        } catch (IllegalArgumentException e) { // too few rows, a rank-deficient design: the estimates stay
            notes.add(id + ": " + e.getMessage() + ": no standard errors");
            covariance = null;
        }
        int rdf = n - p;
        TDistribution t = rdf > 0 ? new TDistribution(null, rdf) : null;
        double quantile = t == null ? Double.NaN : t.inverseCumulativeProbability((1 + level) / 2);
        List<CoefficientTable.Coefficient> rows = new ArrayList<>();
        for (int c = 0; c < p; c++) {
            double estimate = fit.coefficients()[c];
            double se = covariance == null ? Double.NaN : Math.sqrt(covariance[c * p + c]);
            double statistic = estimate / se;
            // 2 P(T < -|t|), not R's 2 (1 - P(T < |t|)), which rounds to 0 below 1e-16
            double pValue = t == null || Double.isNaN(statistic) ? Double.NaN : 2 * t.cumulativeProbability(-Math.abs(statistic));
            rows.add(new CoefficientTable.Coefficient(fit.names().get(c), estimate, se, statistic, pValue,
                    estimate - quantile * se, estimate + quantile * se));
        }
        if (rdf <= 0) notes.add(id + ": " + n + " rows for " + p + " coefficients leave no degrees of freedom");
        return new CoefficientTable(id, level, "t", rows, covariance, fit.unique(), notes);
    }

    /** tau (1 - tau) s^2 (X'X)^-1, as summary.rq's se = "iid". */
    private static double[] iid(QuantileFit fit, List<String> notes) {
        int n = fit.rows(), p = fit.p();
        double tau = fit.tau();
        double[] residual = new double[n];
        Integer[] byMagnitude = new Integer[n];
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            residual[i] = fit.residual(i);
            byMagnitude[i] = i;
            if (Math.abs(residual[i]) < EPS) zeros++;
        }
        int h = Math.max(p + 1, (int) Math.ceil(n * bandwidth(tau, n)));
        // ranks zeros + 1 .. zeros + h + 1 (1-based) of the residuals by magnitude; R's order() is stable
        int m = h + 1;
        if (zeros + m > n) {
            throw new IllegalArgumentException("the sparsity needs more than " + (zeros + m - 1) + " rows ("
                    + zeros + " zero residuals and a bandwidth of " + h + " rows); this fit has " + n);
        }
        Arrays.sort(byMagnitude, (a, b) -> Double.compare(Math.abs(residual[a]), Math.abs(residual[b])));
        double[] ordered = new double[m];
        double[] line = new double[2 * m];
        for (int k = 0; k < m; k++) ordered[k] = residual[byMagnitude[zeros + k]];
        Arrays.sort(ordered);
        for (int k = 0; k < m; k++) {
            line[2 * k] = 1;
            line[2 * k + 1] = (zeros + k + 1) / (double) (n - p);
        }
        boolean[] flat = new boolean[1];
        double sparsity = QuantileWalk.fitLargest(line, ordered, 2, 0.5, new int[] {0, m - 1}, 1, flat)[1];
        if (flat[0]) {
            notes.add("iid: the sparsity's median line has more than one solution; the largest slope is taken "
                    + "(R's rq takes one of them, not always this one)");
        }
        double[] inverse = crossInverse(fit, null);
        double factor = sparsity * sparsity * tau * (1 - tau);
        for (int k = 0; k < inverse.length; k++) inverse[k] *= factor;
        return inverse;
    }

    /** R's nid densities: max(0, 2h / (x_i (beta(tau + h) - beta(tau - h)) - eps)). */
    private static double[] nidDensities(QuantileFit fit, List<String> notes) {
        int n = fit.rows(), p = fit.p();
        double tau = fit.tau();
        double h = inside(tau, n);
        double[] x = fit.design();
        DoubleFunction<double[]> refits = QuantileWalk.refits(fit);
        double[] high = refits.apply(tau + h);
        double[] low = refits.apply(tau - h);
        double[] f = new double[n];
        int nonpositive = 0;
        for (int i = 0; i < n; i++) {
            double dyhat = 0;
            for (int c = 0; c < p; c++) dyhat += x[i * p + c] * (high[c] - low[c]);
            if (dyhat <= 0) nonpositive++;
            f[i] = Math.max(0, 2 * h / (dyhat - EPS));
        }
        if (nonpositive > 0) notes.add("nid: " + nonpositive + " non-positive fis (their density taken as 0, as R does)");
        return f;
    }

    /** R's ker densities: dnorm(u_i / h) / h, h = (qnorm(tau + h0) - qnorm(tau - h0)) min(sd(u), IQR(u) / 1.34). */
    private static double[] kernelDensities(QuantileFit fit) {
        int n = fit.rows();
        double tau = fit.tau();
        double h0 = inside(tau, n);
        double[] u = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            u[i] = fit.residual(i);
            mean += u[i];
        }
        mean /= n;
        double squares = 0;
        for (double value : u) squares += (value - mean) * (value - mean);
        double sd = Math.sqrt(squares / (n - 1));
        // R's quantile() default, type 7
        Percentile type7 = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        double iqr = type7.evaluate(u, 75) - type7.evaluate(u, 25);
        double h = (NORMAL.inverseCumulativeProbability(tau + h0) - NORMAL.inverseCumulativeProbability(tau - h0))
                * Math.min(sd, iqr / 1.34);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) f[i] = NORMAL.density(u[i] / h) / h;
        return f;
    }

    /** tau (1 - tau) (X'FX)^-1 X'X (X'FX)^-1. */
    private static double[] sandwich(QuantileFit fit, double[] f) {
        int n = fit.rows(), p = fit.p();
        double tau = fit.tau();
        double[] bread = crossInverse(fit, f);
        double[] meat = new double[p * p];
        double[] x = fit.design();
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                double xa = x[i * p + a];
                for (int b = 0; b < p; b++) meat[a * p + b] += xa * x[i * p + b];
            }
        }
        RealMatrix inverse = MatrixUtils.createRealMatrix(p, p);
        RealMatrix middle = MatrixUtils.createRealMatrix(p, p);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                inverse.setEntry(a, b, bread[a * p + b]);
                middle.setEntry(a, b, meat[a * p + b]);
            }
        }
        RealMatrix cov = inverse.multiply(middle).multiply(inverse).scalarMultiply(tau * (1 - tau));
        double[] out = new double[p * p];
        for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) out[a * p + b] = cov.getEntry(a, b);
        return out;
    }

    /**
     * (X' F X)^-1 (F = diag(f), the identity when f is null) from the QR decomposition of sqrt(f) X,
     * as R does: R^-1 R^-T.
     */
    private static double[] crossInverse(QuantileFit fit, double[] f) {
        int n = fit.rows(), p = fit.p();
        double[][] rows = new double[n][p];
        for (int i = 0; i < n; i++) {
            double w = f == null ? 1 : Math.sqrt(f[i]);
            for (int c = 0; c < p; c++) rows[i][c] = w * fit.x(i, c);
        }
        RealMatrix r = new QRDecomposition(MatrixUtils.createRealMatrix(rows), 0).getR().getSubMatrix(0, p - 1, 0, p - 1);
        for (int c = 0; c < p; c++) {
            if (!(Math.abs(r.getEntry(c, c)) > 1e-12 * Math.abs(r.getEntry(0, 0)))) throw new SingularMatrixException();
        }
        RealMatrix rInverse = MatrixUtils.inverse(r);
        RealMatrix product = rInverse.multiply(rInverse.transpose());
        double[] out = new double[p * p];
        for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) out[a * p + b] = product.getEntry(a, b);
        return out;
    }
}

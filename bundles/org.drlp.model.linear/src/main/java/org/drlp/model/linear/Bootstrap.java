package org.drlp.model.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.TDistribution;
import org.drlp.api.CoefficientTable;
import org.drlp.api.CoefficientTable.Coefficient;
import org.drlp.api.SolveResult;

/**
 * Bootstrap standard errors of a quantile regression, with the conventions of R's quantreg
 * ({@code summary(rq(...), se = "boot", bsmethod, R)}, which calls boot.rq): the covariance of the
 * replicates' coefficients (denominator R - 1), its square roots as standard errors, t = estimate /
 * se, and two-sided p-values of Student's t with n - p degrees of freedom. R gives no interval for
 * the bootstrap; ours is estimate +- the t quantile times se, as for the other standard errors.
 *
 * <ul>
 *   <li>{@code xy}: pairs; each replicate refits n rows drawn with replacement (R's default; with
 *       m = n, R's sqrt(m / n) scaling is 1).</li>
 *   <li>{@code wild}: Feng, He and Hu's wild bootstrap, as boot.rq's {@code "wild"}: the residuals
 *       are corrected by the leverages h_i and the density at zero f0 (R's akj, an adaptive kernel
 *       estimate), r_i + h_i (tau - [r_i < 0]) / f0, and each replicate refits fitted_i + w_i |r_i|
 *       with w_i = -2 tau (probability tau) or 2 (1 - tau).</li>
 * </ul>
 *
 * Each replicate is a vertex walk by the kernel started from the full-sample solution. The random
 * draws are a {@link SplittableRandom} of the seed: the same seed gives the same table, but not R's
 * draws, so that R is matched in distribution, not digit for digit.
 */
final class Bootstrap implements CoefficientInference {

    /** How the replicates are drawn. */
    enum Method {
        XY, WILD;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final QuantileSolves solves;
    private final Method method;
    private final int replicates;
    private final long seed;

    Bootstrap(QuantileSolves solves, Method method, int replicates, long seed) {
        if (replicates < 2) throw new IllegalArgumentException("the bootstrap needs at least 2 replicates");
        this.solves = solves;
        this.method = method;
        this.replicates = replicates;
        this.seed = seed;
    }

    /** The replicates' coefficients and what they cost. */
    record Replicates(double[][] coefficients, long pivots, double seconds, int redrawn) {
    }

    @Override
    public CoefficientTable table(QuantileFit fit, double level) {
        int n = fit.rows(), p = fit.p();
        if (n <= p) {
            throw new IllegalArgumentException("the bootstrap needs more rows than coefficients: " + n + " rows, "
                    + p + " coefficients");
        }
        Replicates run = replicates(fit);
        double[][] b = run.coefficients();
        double[] mean = new double[p];
        for (double[] row : b) for (int c = 0; c < p; c++) mean[c] += row[c] / replicates;
        double[] cov = new double[p * p];
        for (double[] row : b) {
            for (int c = 0; c < p; c++) {
                double dc = row[c] - mean[c];
                for (int d = 0; d < p; d++) cov[c * p + d] += dc * (row[d] - mean[d]);
            }
        }
        for (int k = 0; k < cov.length; k++) cov[k] /= replicates - 1;
        TDistribution t = new TDistribution(null, n - p);
        double quantile = t.inverseCumulativeProbability(1 - (1 - level) / 2);
        List<Coefficient> rows = new ArrayList<>();
        for (int c = 0; c < p; c++) {
            double estimate = fit.coefficients()[c];
            double se = Math.sqrt(cov[c * p + c]);
            double stat = estimate / se;
            double pValue = 2 * (1 - t.cumulativeProbability(Math.abs(stat)));
            rows.add(new Coefficient(fit.names().get(c), estimate, se, stat, pValue, estimate - quantile * se,
                    estimate + quantile * se));
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "bootstrap %s, %d replicates, seed %d: %.1f pivots and %.3f ms per replicate",
                method.id(), replicates, seed, (double) run.pivots() / replicates, 1e3 * run.seconds() / replicates));
        if (run.redrawn() > 0) {
            notes.add(run.redrawn() + " replicates whose walk did not end optimal (a singular resampled design) were "
                    + "drawn again");
        }
        if (!fit.unique()) notes.add("the solution may be nonunique");
        return new CoefficientTable("boot", level, "t", rows, cov, fit.unique(), notes);
    }

    /** The replicates' coefficients, each a walk from the full-sample solution. */
    Replicates replicates(QuantileFit fit) {
        int n = fit.rows(), p = fit.p();
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[replicates][];
        double[] design = method == Method.XY ? new double[n * p] : fit.design();
        double[] target = new double[n];
        double[] fitted = new double[n], spread = new double[n];
        if (method == Method.WILD) wildParts(fit, fitted, spread);
        long pivots = 0;
        int redrawn = 0;
        long start = System.nanoTime();
        for (int r = 0; r < replicates; ) {
            if (method == Method.XY) {
                for (int i = 0; i < n; i++) {
                    int row = random.nextInt(n);
                    System.arraycopy(fit.design(), row * p, design, i * p, p);
                    target[i] = fit.target()[row];
                }
            } else {
                double tau = fit.tau();
                for (int i = 0; i < n; i++) {
                    double w = random.nextDouble() < tau ? -2 * tau : 2 * (1 - tau);
                    target[i] = fitted[i] + w * spread[i];
                }
            }
            SolveResult result;
            try {
                result = solves.solve(design, target, p, fit.tau(), fit.coefficients(), "a bootstrap replicate");
            } catch (IllegalStateException e) {
                if (++redrawn > replicates) {
                    throw new IllegalStateException("the bootstrap drew " + redrawn + " replicates whose walk did not "
                            + "end optimal, the last: " + e.getMessage());
                }
                continue;
            }
            pivots += result.iterations();
            out[r++] = result.point();
        }
        return new Replicates(out, pivots, (System.nanoTime() - start) * 1e-9, redrawn);
    }

    /**
     * The wild bootstrap's fitted values and |corrected residual|: r_i + h_i (tau - [r_i < 0]) / f0
     * with the leverages h_i = x_i' (X'X)^-1 x_i and f0 = akj(r, 0).
     */
    private static void wildParts(QuantileFit fit, double[] fitted, double[] spread) {
        int n = fit.rows(), p = fit.p();
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = fit.residual(i);
            fitted[i] = fit.target()[i] - r[i];
        }
        double f0 = adaptiveKernelDensity(r, 0);
        double[] xx = new double[p * p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) xx[a * p + b] += fit.x(i, a) * fit.x(i, b);
            }
        }
        DenseLu lu = DenseLu.of(xx, p, 1e-14);
        if (lu == null) throw new IllegalArgumentException("the wild bootstrap: the design is singular");
        double[] v = new double[p];
        double tau = fit.tau();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < p; c++) v[c] = fit.x(i, c);
            lu.solve(v);
            double h = 0;
            for (int c = 0; c < p; c++) h += fit.x(i, c) * v[c];
            spread[i] = Math.abs(r[i] + h * (tau - (r[i] < 0 ? 1 : 0)) / f0);
        }
    }

    /**
     * R's {@code akj(x, z)$dens} at one point with its defaults (Gaussian kernel, alpha 0.5, kappa
     * 0.9, equal weights): Silverman's adaptive kernel estimate, whose pilot density at every sample
     * point costs O(n^2). Its constants are quantreg's Fortran sakj's: pi is 3.141593, and the
     * geometric mean of the pilot is single precision there.
     */
    static double adaptiveKernelDensity(double[] sample, double z) {
        double[] x = sample.clone();
        Arrays.sort(x);
        int n = x.length;
        double pi = 3.141593;
        double con1 = 1 / Math.sqrt(2.0 * pi);
        double weight = 1.0 / n;
        double sum = 0, sqsum = 0;
        for (double v : x) {
            sqsum += v * v * weight;
            sum += v * weight;
        }
        double xsd = Math.sqrt(sqsum - sum * sum);
        double qrange = 0;
        double cumulative = 0;
        for (int i = 0; i < n - 1; i++) {
            cumulative += weight;
            if (cumulative >= 0.25) {
                qrange = x[i];
                break;
            }
        }
        cumulative = 1;
        for (int i = n - 1; i >= 0; i--) {
            cumulative -= weight;
            if (cumulative <= 0.75) {
                qrange = x[i] - qrange;
                break;
            }
        }
        double a = Math.min(xsd, qrange / 1.34);
        double h = 0.9 * a / Math.pow(n, 0.2);
        double hinv = 1 / h;
        double[] lambda = new double[n];
        for (int j = 0; j < n; j++) {
            double ker = 0;
            for (int i = 0; i < n; i++) {
                double u = (x[j] - x[i]) * hinv;
                ker += weight * Math.exp(-0.5 * u * u) * hinv;
            }
            lambda[j] = con1 * ker;
        }
        double glog = 0;
        for (double l : lambda) glog += weight * Math.log(l);
        float g = (float) Math.exp(glog);
        float ginv = 1 / g;
        for (int i = 0; i < n; i++) lambda[i] = hinv / Math.pow(lambda[i] * ginv, -0.5);
        double ker = 0;
        for (int i = 0; i < n; i++) {
            double u = (z - x[i]) * lambda[i];
            ker += weight * Math.exp(-0.5 * u * u) * lambda[i];
        }
        return con1 * ker;
    }
}

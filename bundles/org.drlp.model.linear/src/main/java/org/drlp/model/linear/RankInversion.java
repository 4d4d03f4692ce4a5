package org.drlp.model.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.drlp.api.CoefficientTable;
import org.drlp.api.CoefficientTable.Coefficient;

/**
 * Confidence intervals by inverting the regression rank-score test, as R's quantreg computes them
 * for {@code summary(rq(...), se = "rank")} (rq.fit.br with ci = TRUE, interp = TRUE, tcrit = TRUE).
 * The interval of coefficient j is the set of b at which the rank-score test of beta_j = b does not
 * reject: with the rank scores a(b) of the regression of y - b x_j on the other columns,
 * T(b) = sum_i x_ij (a_i(b) - (1 - tau)) / sqrt(q_j tau (1 - tau)) is compared with the t quantile
 * of n - p degrees of freedom. q_j is 1 / [(X'X)^-1]_jj under iid errors, and the squared residual
 * of x_j on the other columns weighted by the estimated densities (R's nid) otherwise.
 *
 * <p>The rank scores are the dual solution of that regression, which is a vertex of a polytope that
 * does not depend on b: T is piecewise constant, and changes only where a nonbasic observation's
 * residual crosses zero. We walk those breakpoints from the estimate outwards by parametric
 * programming (at each breakpoint the basis among the observations with zero residual whose rank
 * scores are feasible beyond it), and stop at the first piece where |T| reaches the cutoff. Then, as
 * R does, the end is interpolated linearly between the start of the last accepted piece (with its
 * T) and the breakpoint where T crossed (with the T beyond it). An end that no breakpoint bounds is
 * infinite. The level is 1 - R's alpha (R's default alpha = 0.1 is level 0.9).
 *
 * <p>Where the rank scores of a piece are not unique (tied data: several optimal bases), T is still
 * unique but the breakpoints one walks depend on the bases chosen; a breakpoint at which T does not
 * change does not start a piece here, so that the ends do not depend on that choice. R's walk flips
 * one of several exactly tied crossings, chosen by rounding in its tableau, and may leave the other
 * on the wrong side for some pieces; three of its stackloss ends differ from the definition's for
 * that reason (see RankInversionTest), and ours match the statistic recomputed by R at fixed b.
 */
final class RankInversion implements CoefficientInference {

    /** Relative size of a residual taken as zero, and of a pivot taken as singular. */
    private static final double ZERO = 1e-9;
    private static final double SINGULAR = 1e-11;
    /** Slack of the rank scores in [0, 1] when checking a basis. */
    private static final double DUAL_SLACK = 1e-9;
    /** Most q-subsets of tied zero-residual observations tried at one breakpoint. */
    private static final int MOST_BASES = 100_000;

    private final DoubleFunction<double[]> refit;

    /**
     * @param refit  null for iid errors; otherwise the coefficients of the same regression at another
     *               quantile level, for the nid densities (R's {@code iid = FALSE})
     */
    RankInversion(DoubleFunction<double[]> refit) {
        this.refit = refit;
    }

    @Override
    public CoefficientTable table(QuantileFit fit, double level) {
        int n = fit.rows(), p = fit.p();
        if (n <= p) {
            throw new IllegalArgumentException("rank inversion needs more rows than coefficients: " + n + " rows, "
                    + p + " coefficients");
        }
        double alpha = 1 - level;
        double cutoff = new TDistribution(null, n - p).inverseCumulativeProbability(1 - alpha / 2);
        double[] qn = refit == null ? iidScale(fit) : nidScale(fit);
        List<Coefficient> rows = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double lower = end(fit, j, -1, qn[j], cutoff);
            double upper = end(fit, j, 1, qn[j], cutoff);
            rows.add(new Coefficient(fit.names().get(j), fit.coefficients()[j], Double.NaN, Double.NaN, Double.NaN,
                    lower, upper));
        }
        List<String> notes = new ArrayList<>();
        if (!fit.unique()) notes.add("the solution may be nonunique");
        return new CoefficientTable("rank", level, "", rows, null, fit.unique(), notes);
    }

    /** 1 / diag((X'X)^-1). */
    private static double[] iidScale(QuantileFit fit) {
        int n = fit.rows(), p = fit.p();
        double[] xx = new double[p * p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                double xa = fit.x(i, a);
                for (int b = 0; b < p; b++) xx[a * p + b] += xa * fit.x(i, b);
            }
        }
        DenseLu lu = DenseLu.of(xx, p, 1e-14);
        if (lu == null) throw new IllegalArgumentException("rank inversion: the design is singular");
        double[] qn = new double[p];
        for (int j = 0; j < p; j++) {
            double[] e = new double[p];
            e[j] = 1;
            lu.solve(e);
            qn[j] = 1 / e[j];
        }
        return qn;
    }

    /**
     * R's nid scale: densities f_i = max(eps, 2h / (x_i (beta(tau + h) - beta(tau - h)) - eps)) with
     * the Hall-Sheather bandwidth h, and q_j = sum of the squared residuals of the f-weighted least
     * squares of x_j on the other columns.
     */
    private double[] nidScale(QuantileFit fit) {
        int n = fit.rows(), p = fit.p();
        double tau = fit.tau();
        double h = hallSheather(tau, n);
        if (tau - h <= 0 || tau + h >= 1) {
            throw new IllegalArgumentException("rank inversion with nid densities: tau +- the bandwidth " + h
                    + " leaves (0, 1); use iid");
        }
        double[] hi = refit.apply(tau + h), lo = refit.apply(tau - h);
        double eps = Math.pow(Math.ulp(1.0), 2.0 / 3);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double dy = 0;
            for (int c = 0; c < p; c++) dy += fit.x(i, c) * (hi[c] - lo[c]);
            f[i] = Math.max(eps, 2 * h / (dy - eps));
        }
        double[] qn = new double[p];
        int q = p - 1;
        for (int j = 0; j < p; j++) {
            double[] zz = new double[q * q], zx = new double[q];
            for (int i = 0; i < n; i++) {
                for (int a = 0, ca = 0; ca < p; ca++) {
                    if (ca == j) continue;
                    double wa = f[i] * fit.x(i, ca);
                    zx[a] += wa * fit.x(i, j);
                    for (int b = 0, cb = 0; cb < p; cb++) {
                        if (cb == j) continue;
                        zz[a * q + b] += wa * fit.x(i, cb);
                        b++;
                    }
                    a++;
                }
            }
            if (q > 0) {
                DenseLu lu = DenseLu.of(zz, q, 1e-14);
                if (lu == null) throw new IllegalArgumentException("rank inversion: the design is singular");
                lu.solve(zx);
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double e = fit.x(i, j);
                for (int a = 0, c = 0; c < p; c++) {
                    if (c == j) continue;
                    e -= fit.x(i, c) * zx[a++];
                }
                sum += e * e;
            }
            qn[j] = sum;
        }
        return qn;
    }

    /** quantreg's bandwidth.rq(tau, n, hs = TRUE), alpha 0.05. */
    static double hallSheather(double tau, int n) {
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        double x0 = normal.inverseCumulativeProbability(tau);
        double f0 = normal.density(x0);
        return Math.pow(n, -1.0 / 3) * Math.pow(normal.inverseCumulativeProbability(0.975), 2.0 / 3)
                * Math.pow(1.5 * f0 * f0 / (2 * x0 * x0 + 1), 1.0 / 3);
    }

    /** The end of coefficient j's interval in direction dir (+1 upper, -1 lower). */
    private static double end(QuantileFit fit, int j, int dir, double qn, double cutoff) {
        return new Walk(fit, j, dir, qn).end(cutoff);
    }

    /**
     * The breakpoints of T in one direction from the estimate. Identical observations are one with
     * their count as weight w (rank score in [0, w]): a twin of a basic observation keeps a zero
     * residual along a whole piece, and only the twins' sum of rank scores is determined.
     */
    private static final class Walk {
        private final QuantileFit fit;
        private final int n, p, q, j, dir;
        /** The distinct observations: row-major design, target, count. */
        private final double[] design, target, weight;
        private final double tau, norm;
        /** The other columns' indices, in order. */
        private final int[] others;
        /** Scale of row i's residual, for the zero test. */
        private final double[] scale;
        /** Rank score of each observation (nonbasic: 0 or 1; basic: the dual solution). */
        private final double[] score;
        private final boolean[] basic;
        /** gamma(b) = g0 - b g1 on the current basis. */
        private double[] g0, g1;

        Walk(QuantileFit fit, int j, int dir, double qn) {
            this.fit = fit;
            this.p = fit.p();
            Map<Row, Integer> distinct = new LinkedHashMap<>();
            for (int i = 0; i < fit.rows(); i++) {
                double[] row = new double[p + 1];
                System.arraycopy(fit.design(), i * p, row, 0, p);
                row[p] = fit.target()[i];
                distinct.merge(new Row(row), 1, Integer::sum);
            }
            this.n = distinct.size();
            this.design = new double[n * p];
            this.target = new double[n];
            this.weight = new double[n];
            int at = 0;
            for (Map.Entry<Row, Integer> e : distinct.entrySet()) {
                System.arraycopy(e.getKey().values(), 0, design, at * p, p);
                target[at] = e.getKey().values()[p];
                weight[at++] = e.getValue();
            }
            this.q = p - 1;
            this.j = j;
            this.dir = dir;
            this.tau = fit.tau();
            this.norm = Math.sqrt(qn * tau * (1 - tau));
            this.others = new int[q];
            for (int c = 0, k = 0; c < p; c++) if (c != j) others[k++] = c;
            this.scale = new double[n];
            double[] beta = fit.coefficients();
            for (int i = 0; i < n; i++) {
                double s = Math.abs(target[i]);
                for (int c = 0; c < p; c++) s += Math.abs(x(i, c) * beta[c]);
                scale[i] = s == 0 ? 1 : s;
            }
            this.score = new double[n];
            this.basic = new boolean[n];
        }

        double end(double cutoff) {
            double[] beta = fit.coefficients();
            double b = beta[j];
            double[] gamma = new double[q];
            for (int k = 0; k < q; k++) gamma[k] = beta[others[k]];
            // the observations with zero residual at the estimate, and the others' sides
            List<Integer> zero = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double r = residual(i, b, gamma);
                if (Math.abs(r) <= ZERO * scale[i]) zero.add(i);
                else score[i] = r > 0 ? weight[i] : 0;
            }
            double innerB = b, innerT = 0;
            boolean first = true;
            while (true) {
                chooseBasis(zero, b);
                double t = statistic();
                if (Math.abs(t) >= cutoff) {
                    return innerB + dir * Math.abs(b - innerB) * (cutoff - Math.abs(innerT)) / Math.abs(t - innerT);
                }
                // a breakpoint where T does not change (a step between optimal bases of a piece whose
                // rank scores are not unique) does not start a piece
                if (first || Math.abs(t - innerT) > 1e-12 * Math.abs(t)) {
                    innerB = b;
                    innerT = t;
                }
                first = false;
                // the nearest crossing ahead of a nonbasic residual
                double step = Double.POSITIVE_INFINITY;
                double[] distance = new double[n];
                Arrays.fill(distance, Double.POSITIVE_INFINITY);
                for (int i = 0; i < n; i++) {
                    if (basic[i]) continue;
                    double u = u(i), v = v(i);
                    double r = u - b * v;
                    double side = score[i] > 0 ? 1 : -1;
                    double rate = -dir * v * side; // d(side * r) per unit of travel
                    if (!(rate < 0)) continue;
                    distance[i] = Math.max(0, side * r) / -rate;
                    step = Math.min(step, distance[i]);
                }
                if (step == Double.POSITIVE_INFINITY) return dir * Double.POSITIVE_INFINITY;
                b += dir * step;
                zero.clear();
                for (int i = 0; i < n; i++) {
                    if (basic[i] || distance[i] <= step + ZERO * (Math.abs(b) + step)) zero.add(i);
                }
            }
        }

        private double x(int i, int c) {
            return design[i * p + c];
        }

        private double residual(int i, double b, double[] gamma) {
            double r = target[i] - b * x(i, j);
            for (int k = 0; k < q; k++) r -= x(i, others[k]) * gamma[k];
            return r;
        }

        private double u(int i) {
            double r = target[i];
            for (int k = 0; k < q; k++) r -= x(i, others[k]) * g0[k];
            return r;
        }

        private double v(int i) {
            double r = x(i, j);
            for (int k = 0; k < q; k++) r -= x(i, others[k]) * g1[k];
            return r;
        }

        private double statistic() {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += x(i, j) * (score[i] - (1 - tau) * weight[i]);
            return sum / norm;
        }

        /**
         * Among the observations with zero residual at b, the q-subset that is the optimal basis just
         * beyond b: the others leave zero on the side their residual moves to, and the basic rank
         * scores that balance the dual constraints are in [0, 1].
         */
        private void chooseBasis(List<Integer> zero, double b) {
            int m = zero.size();
            if (m < q) {
                throw new IllegalStateException("rank inversion of " + fit.names().get(j) + ": " + m
                        + " observations with zero residual at " + b + ", fewer than " + q);
            }
            int[] pick = new int[q];
            for (int k = 0; k < q; k++) pick[k] = k;
            int tried = 0;
            do {
                if (++tried > MOST_BASES) break;
                if (tryBasis(zero, pick)) return;
            } while (next(pick, m));
            throw new IllegalStateException("rank inversion of " + fit.names().get(j) + ": no optimal basis among the "
                    + m + " observations with zero residual at " + b);
        }

        /** The next q-subset of 0..m-1 in lexicographic order; false after the last. */
        private static boolean next(int[] pick, int m) {
            int q = pick.length;
            int k = q - 1;
            while (k >= 0 && pick[k] == m - q + k) k--;
            if (k < 0) return false;
            pick[k]++;
            for (int l = k + 1; l < q; l++) pick[l] = pick[l - 1] + 1;
            return true;
        }

        private boolean tryBasis(List<Integer> zero, int[] pick) {
            int[] rows = new int[q];
            for (int k = 0; k < q; k++) rows[k] = zero.get(pick[k]);
            double[] zh = new double[q * q];
            for (int k = 0; k < q; k++) {
                for (int c = 0; c < q; c++) zh[k * q + c] = x(rows[k], others[c]);
            }
            DenseLu lu = q == 0 ? null : DenseLu.of(zh, q, SINGULAR);
            if (q > 0 && lu == null) return false;
            double[] a0 = new double[q], a1 = new double[q];
            for (int k = 0; k < q; k++) {
                a0[k] = target[rows[k]];
                a1[k] = x(rows[k], j);
            }
            if (q > 0) {
                lu.solve(a0);
                lu.solve(a1);
            }
            double[] oldG0 = g0, oldG1 = g1;
            g0 = a0;
            g1 = a1;
            boolean[] inBasis = new boolean[n];
            for (int row : rows) inBasis[row] = true;
            // the zero-residual observations out of the basis go to the side their residual moves to
            double[] trial = score.clone();
            for (int i : zero) {
                if (inBasis[i]) continue;
                double v = v(i);
                double size = Math.abs(x(i, j));
                for (int k = 0; k < q; k++) size += Math.abs(x(i, others[k]) * g1[k]);
                if (!(Math.abs(v) > ZERO * size)) {
                    g0 = oldG0;
                    g1 = oldG1;
                    return false; // stays at zero beyond b: not a basis of the next piece
                }
                trial[i] = -dir * v > 0 ? weight[i] : 0;
            }
            // basic scores: Z_H' a_H = (1 - tau) Z'1 - sum over the nonbasic of z_i a_i
            double[] rhs = new double[q];
            for (int i = 0; i < n; i++) {
                if (inBasis[i]) continue;
                double w = (1 - tau) * weight[i] - trial[i];
                if (w == 0) continue;
                for (int k = 0; k < q; k++) rhs[k] += x(i, others[k]) * w;
            }
            for (int k = 0; k < q; k++) {
                for (int c = 0; c < q; c++) rhs[c] += (1 - tau) * weight[rows[k]] * x(rows[k], others[c]);
            }
            if (q > 0) lu.solveTransposed(rhs);
            for (int k = 0; k < q; k++) {
                if (!(rhs[k] >= -DUAL_SLACK && rhs[k] <= weight[rows[k]] + DUAL_SLACK)) {
                    g0 = oldG0;
                    g1 = oldG1;
                    return false;
                }
            }
            System.arraycopy(trial, 0, score, 0, n);
            Arrays.fill(basic, false);
            for (int k = 0; k < q; k++) {
                basic[rows[k]] = true;
                score[rows[k]] = rhs[k];
            }
            return true;
        }
    }

    /** An observation (its design row and target) as a key. */
    private record Row(double[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && Arrays.equals(values, row.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}

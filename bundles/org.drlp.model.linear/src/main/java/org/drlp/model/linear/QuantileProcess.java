package org.drlp.model.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The whole linear quantile regression process: every breakpoint of the solution beta(tau) of
 * min_beta sum_i rho_tau(y_i - x_i . beta) for tau in (0, 1), by parametric programming from one
 * solution (Koenker and d'Orey's algorithm, what R's {@code rq(..., tau = -1)} computes).
 *
 * <p>A basis is a set h of p rows with X_h invertible: beta = X_h^-1 y_h. Every other row has a side,
 * above (a_i = tau) or below the fit (a_i = tau - 1); the basic rows' duals solve X_h' a_h = -sum of
 * the others' a_i x_i, which is linear in tau. Written as d_k = a_k - tau + 1 = (w_k + 1) - tau c_k,
 * the basis is optimal while every d_k is in [0, 1]. Walking tau up (or down), the basis holds until
 * some d_k reaches a bound; row k then leaves to the side it is pushed to, beta moves along the edge
 * that keeps the other basic rows on the fit, and the first row whose residual reaches zero (the
 * primal ratio test) enters. Ties (more than p rows on the fit, as in the stack-loss data) make
 * pivots that leave beta where it is, possibly several at one tau; Bland's rule (the smallest row
 * among the candidates, both leaving and entering) keeps them from cycling.
 *
 * <p>The walk starts from a solution at some tau0 (the run's solve at the median): it finds a basis
 * among the rows on that fit, pivots at tau0 until the basis is optimal there, then walks down to 0
 * and up to 1 from it. The inverse of X_h is kept dense and updated by the row replacement of each
 * pivot, and refactored from the data every {@link #REFACTOR_EVERY} pivots; beta, the residuals and
 * the sums the duals need are recomputed from the data at every pivot, so that nothing drifts.
 */
final class QuantileProcess {

    /** Pivots between two refactorisations of the basis inverse. */
    static final int REFACTOR_EVERY = 50;
    /** Relative tolerance of a dual at its bound, and of a residual on the fit. */
    private static final double TOLERANCE = 1e-11;

    /**
     * One piece of the process: the solution from {@code tau} up to the next segment's tau.
     *
     * @param objective  sum_i rho_tau(y_i - x_i . beta) at this tau (the same for the solution before it)
     */
    record Segment(double tau, double[] coefficients, double objective) {
    }

    private final double[] x;
    private final double[] y;
    private final int n;
    private final int p;

    private final int[] basis;
    private final boolean[] inBasis;
    /** Side of every non-basic row: true below the fit (a_i = tau - 1). */
    private final boolean[] below;
    /** Inverse of X_h, row-major: column k gives the edge on which basic row k leaves. */
    private double[] inverse;
    private final double[] beta;
    private final double[] residual;
    /** Sums over the non-basic rows of x_i, and of x_i below the fit, and of their magnitudes. */
    private final double[] all;
    private final double[] belowSum;
    private final double[] magnitude;
    private final double[] w;
    private final double[] c;
    private final double[] wScale;
    private final double[] edge;
    private final double[] slopes;
    private int sinceRefactor;
    /** The solution at tau0 once settled, before any walk. */
    private double[] startBeta;

    private QuantileProcess(double[] design, double[] target, int p) {
        this.x = design;
        this.y = target;
        this.n = target.length;
        this.p = p;
        this.basis = new int[p];
        this.inBasis = new boolean[n];
        this.below = new boolean[n];
        this.beta = new double[p];
        this.residual = new double[n];
        this.all = new double[p];
        this.belowSum = new double[p];
        this.magnitude = new double[p];
        this.w = new double[p];
        this.c = new double[p];
        this.wScale = new double[p];
        this.edge = new double[p];
        this.slopes = new double[n];
    }

    private QuantileProcess(QuantileProcess from) {
        this(from.x, from.y, from.p);
        System.arraycopy(from.basis, 0, basis, 0, p);
        System.arraycopy(from.inBasis, 0, inBasis, 0, n);
        System.arraycopy(from.below, 0, below, 0, n);
        inverse = from.inverse.clone();
        sinceRefactor = from.sinceRefactor;
        computeBeta();
        refresh();
    }

    /**
     * The process from a solution at {@code tau0}.
     *
     * @param design  row-major n x p
     * @param start   a solution (or a point near one) at tau0; the walk finds the optimum at tau0 from it
     * @return the segments in increasing tau, the first at tau 0 and a last one at tau 1 repeating the
     *         solution before it (R's layout of {@code rq(..., tau = -1)$sol})
     * @throws IllegalArgumentException when the design has rank below p
     */
    static List<Segment> of(double[] design, double[] target, int p, double[] start, double tau0) {
        QuantileProcess walk = new QuantileProcess(design, target, p);
        walk.startAt(start);
        walk.settle(tau0, 0);
        QuantileProcess down = new QuantileProcess(walk);
        List<Segment> up = walk.walk(tau0, 1);
        List<Segment> below = down.walk(tau0, -1);
        // the solution at tau0 holds from the first breakpoint below it (0 when none)
        double[] middle = walk.startBeta;
        List<Segment> segments = new ArrayList<>();
        for (int s = below.size() - 1; s >= 0; s--) {
            double from = s == below.size() - 1 ? 0 : below.get(s + 1).tau();
            segments.add(down.segment(from, below.get(s).coefficients()));
        }
        segments.add(walk.segment(below.isEmpty() ? 0 : below.get(0).tau(), middle));
        segments.addAll(up);
        Segment last = segments.get(segments.size() - 1);
        segments.add(walk.segment(1, last.coefficients()));
        // a solution optimal at one tau only (a breakpoint where several edges were walked) holds on no interval
        List<Segment> kept = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            boolean closing = s == segments.size() - 1;
            if (!closing && segments.get(s + 1).tau() <= segments.get(s).tau()) continue;
            kept.add(segments.get(s));
        }
        return kept;
    }

    /** A segment of a solution from {@code tau}, with its objective there. */
    private Segment segment(double tau, double[] coefficients) {
        double sum = 0, under = 0;
        for (int i = 0, row = 0; i < n; i++, row += p) {
            double r = y[i] - PiecewiseLinearRegression.dotRow(x, row, coefficients, p);
            sum += r;
            if (r < 0) under += r;
        }
        return new Segment(tau, coefficients.clone(), tau * sum - under);
    }

    // ---------------------------------------------------------------- the start

    /** A basis among the rows nearest the fit of {@code start}, greedily independent, and sides by residual. */
    private void startAt(double[] start) {
        Integer[] order = new Integer[n];
        double[] distance = new double[n];
        for (int i = 0, row = 0; i < n; i++, row += p) {
            double fit = 0, scale = Math.abs(y[i]);
            for (int j = 0; j < p; j++) {
                fit += x[row + j] * start[j];
                scale += Math.abs(x[row + j] * start[j]);
            }
            distance[i] = Math.abs(y[i] - fit) / (scale + Double.MIN_NORMAL);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(distance[a], distance[b]));
        // rows reduced against the chosen ones (Gaussian elimination on the rows in order)
        double[][] reduced = new double[p][];
        int[] pivotColumn = new int[p];
        int chosen = 0;
        for (int o = 0; o < n && chosen < p; o++) {
            int i = order[o];
            double[] v = Arrays.copyOfRange(x, i * p, i * p + p);
            double size = 0;
            for (double value : v) size = Math.max(size, Math.abs(value));
            for (int b = 0; b < chosen; b++) {
                double f = v[pivotColumn[b]] / reduced[b][pivotColumn[b]];
                if (f != 0) for (int j = 0; j < p; j++) v[j] -= f * reduced[b][j];
            }
            int best = 0;
            for (int j = 1; j < p; j++) if (Math.abs(v[j]) > Math.abs(v[best])) best = j;
            if (!(Math.abs(v[best]) > 1e-9 * size)) continue;
            reduced[chosen] = v;
            pivotColumn[chosen] = best;
            basis[chosen++] = i;
        }
        if (chosen < p) {
            throw new IllegalArgumentException("the quantile process needs a design of full rank " + p
                    + "; its rows span " + chosen + " dimensions");
        }
        for (int b : basis) inBasis[b] = true;
        refactor();
        computeBeta();
        for (int i = 0, row = 0; i < n; i++, row += p) {
            below[i] = y[i] - PiecewiseLinearRegression.dotRow(x, row, beta, p) < 0;
        }
        refresh();
    }

    // ---------------------------------------------------------------- the walk

    /**
     * Walks tau from {@code tau0} towards 1 ({@code direction} 1) or 0 (-1).
     *
     * @return every solution entered, with the breakpoint at which it was, in walking order
     */
    private List<Segment> walk(double tau0, int direction) {
        List<Segment> entered = new ArrayList<>();
        double[] last = beta.clone();
        double tau = tau0;
        while (true) {
            settle(tau, direction);
            if (changed(last)) {
                if (!entered.isEmpty() && entered.get(entered.size() - 1).tau() == tau) {
                    entered.remove(entered.size() - 1); // held at this tau only
                }
                last = beta.clone();
                entered.add(segment(tau, last));
            }
            double next = direction > 0 ? 1 : 0;
            int binding = -1;
            for (int k = 0; k < p; k++) {
                if (!moves(k)) continue;
                double slope = -c[k] * direction; // of d_k as tau walks on
                double hit = slope < 0 ? (w[k] + 1) / c[k] : w[k] / c[k];
                if (direction > 0 ? hit < next : hit > next) {
                    next = hit;
                    binding = k;
                }
            }
            if (direction > 0 ? next >= 1 : next <= 0) return entered;
            if (direction > 0 ? next <= tau : next >= tau) {
                // a bound within rounding of where the walk stands, yet beyond the tolerance: met here
                pivot(binding, -c[binding] * direction < 0, tau);
            } else {
                tau = next;
            }
        }
    }

    /**
     * Pivots until the basis is optimal at {@code tau} and stays so as tau moves a little in
     * {@code direction} (0: at tau only). Leaves {@link #startBeta} set the first time.
     */
    private void settle(double tau, int direction) {
        long atThisTau = 0;
        long cap = 20L * n + 1000; // Bland's rule ends far sooner; this only guards against rounding
        while (true) {
            int leaving = -1;
            boolean toBelow = false;
            for (int k = 0; k < p; k++) {
                double d = (w[k] + 1) - tau * c[k];
                double tol = TOLERANCE * (1 + wScale[k]);
                double slope = moves(k) ? -c[k] * direction : 0;
                boolean low = d < -tol || (d <= tol && slope < 0);
                boolean high = d > 1 + tol || (d >= 1 - tol && slope > 0);
                if ((low || high) && (leaving < 0 || basis[k] < basis[leaving])) {
                    leaving = k;
                    toBelow = low;
                }
            }
            if (leaving < 0) break;
            if (++atThisTau > cap) {
                throw new IllegalStateException("the quantile process made " + cap + " pivots at tau = " + tau
                        + " without an optimal basis");
            }
            pivot(leaving, toBelow, tau);
        }
        if (startBeta == null) startBeta = beta.clone();
    }

    /** Basic row at position k leaves to the side {@code toBelow}; the primal ratio test picks the row entering. */
    private void pivot(int k, boolean toBelow, double tau) {
        // the edge: X_h v = -s e_k, s = +1 when row k goes above the fit (its residual grows)
        double s = toBelow ? -1 : 1;
        for (int j = 0; j < p; j++) edge[j] = -s * inverse[j * p + k];
        int entering = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0, row = 0; i < n; i++, row += p) {
            if (inBasis[i]) continue;
            double g = PiecewiseLinearRegression.dotRow(x, row, edge, p);
            slopes[i] = g;
            // the residual r_i - t g moves towards the row's other side
            double towards = below[i] ? -g : g;
            double size = 0;
            for (int j = 0; j < p; j++) size += Math.abs(x[row + j] * edge[j]);
            if (!(towards > TOLERANCE * size)) continue;
            double room = Math.max(0, below[i] ? -residual[i] : residual[i]);
            double t = room / towards;
            // Bland: of rows tied (within rounding), the first, the smallest
            if (t < best * (1 - 1e-12)) {
                best = t;
                entering = i;
            }
        }
        if (entering < 0) {
            throw new IllegalStateException("the quantile process found no row to enter at tau = " + tau
                    + " (an unbounded edge inside (0, 1): the design is degenerate)");
        }
        int left = basis[k];
        basis[k] = entering;
        inBasis[left] = false;
        inBasis[entering] = true;
        below[left] = toBelow;
        if (++sinceRefactor >= REFACTOR_EVERY) {
            refactor();
        } else {
            replaceRow(k, entering);
        }
        computeBeta();
        refresh();
    }

    /** The inverse after row k of X_h became x_i: column k divided by alpha = x_i . column k, the others reduced. */
    private void replaceRow(int k, int i) {
        int row = i * p;
        double alpha = 0;
        for (int j = 0; j < p; j++) alpha += x[row + j] * inverse[j * p + k];
        for (int j = 0; j < p; j++) inverse[j * p + k] /= alpha;
        for (int m = 0; m < p; m++) {
            if (m == k) continue;
            double f = 0;
            for (int j = 0; j < p; j++) f += x[row + j] * inverse[j * p + m];
            if (f == 0) continue;
            for (int j = 0; j < p; j++) inverse[j * p + m] -= f * inverse[j * p + k];
        }
    }

    /** The inverse of X_h from the data (LU with partial pivoting). */
    private void refactor() {
        RealMatrix basic = MatrixUtils.createRealMatrix(p, p);
        for (int k = 0; k < p; k++) {
            for (int j = 0; j < p; j++) basic.setEntry(k, j, x[basis[k] * p + j]);
        }
        RealMatrix inv = new LUDecomposition(basic, 0).getSolver().getInverse();
        inverse = new double[p * p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) inverse[j * p + k] = inv.getEntry(j, k);
        }
        sinceRefactor = 0;
    }

    private void computeBeta() {
        for (int j = 0; j < p; j++) {
            double sum = 0;
            for (int k = 0; k < p; k++) sum += inverse[j * p + k] * y[basis[k]];
            beta[j] = sum;
        }
    }

    /** Residuals at beta, the non-basic rows' sums, and the duals' w and c (with their scale). */
    private void refresh() {
        Arrays.fill(all, 0);
        Arrays.fill(belowSum, 0);
        Arrays.fill(magnitude, 0);
        for (int i = 0, row = 0; i < n; i++, row += p) {
            residual[i] = inBasis[i] ? 0 : y[i] - PiecewiseLinearRegression.dotRow(x, row, beta, p);
            if (inBasis[i]) continue;
            for (int j = 0; j < p; j++) {
                double v = x[row + j];
                all[j] += v;
                magnitude[j] += Math.abs(v);
                if (below[i]) belowSum[j] += v;
            }
        }
        // a_h = X_h^-T (N - tau S): w = X_h^-T N, and c = 1 + X_h^-T S
        for (int k = 0; k < p; k++) {
            double wk = 0, uk = 0, scale = 0;
            for (int j = 0; j < p; j++) {
                double inv = inverse[j * p + k];
                wk += inv * belowSum[j];
                uk += inv * all[j];
                scale += Math.abs(inv) * magnitude[j];
            }
            w[k] = wk;
            c[k] = 1 + uk;
            wScale[k] = scale;
        }
    }

    /** Whether d_k changes with tau beyond rounding. */
    private boolean moves(int k) {
        return Math.abs(c[k]) > TOLERANCE * (1 + wScale[k]);
    }

    /** Whether beta differs from {@code last} beyond rounding. */
    private boolean changed(double[] last) {
        for (int j = 0; j < p; j++) {
            if (Math.abs(beta[j] - last[j]) > 1e-11 * (1 + Math.abs(last[j]))) return true;
        }
        return false;
    }
}

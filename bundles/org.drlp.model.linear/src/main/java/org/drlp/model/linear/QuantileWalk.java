package org.drlp.model.linear;

import java.util.Arrays;
import java.util.function.DoubleFunction;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Exact linear quantile regression for the inference methods' auxiliary fits (the nid sandwich's fits
 * at tau +- h, the iid sparsity's median line): Barrodale and Roberts' descent from vertex to vertex,
 * each vertex fitting p rows exactly, each step along the steepest of the 2p edges to the best
 * breakpoint. Started from a nearby vertex (the solved fit's), it takes few steps. Dense and small:
 * the workbench's own solver walks the model's problem; this one only the fits inference needs.
 */
final class QuantileWalk {

    private final double[] x;
    private final double[] y;
    private final int n;
    private final int p;
    private final double tau;
    private final int[] basis;
    private final double[] beta;
    private final double[] residual;
    private final double zero;
    private double[][] inverse;

    private QuantileWalk(double[] x, double[] y, int p, double tau, int[] start) {
        this.x = x;
        this.y = y;
        this.n = y.length;
        this.p = p;
        this.tau = tau;
        this.basis = start.clone();
        this.beta = new double[p];
        this.residual = new double[n];
        double scale = 0;
        for (double value : y) scale = Math.max(scale, Math.abs(value));
        this.zero = 1e-12 * Math.max(scale, Double.MIN_NORMAL);
        refit();
    }

    /**
     * The minimiser of sum rho_tau(y - x beta) reached from the vertex of {@code start}.
     *
     * @param start  p rows whose design rows are linearly independent ({@link #independentRows})
     */
    static double[] fit(double[] x, double[] y, int p, double tau, int[] start) {
        QuantileWalk walk = new QuantileWalk(x, y, p, tau, start);
        walk.descend();
        return walk.beta.clone();
    }

    /**
     * The same regression at other quantile levels (the nid densities' fits at tau +- h), each walked
     * from the vertex of the p rows that {@code fit} fits most closely: few steps away.
     */
    static DoubleFunction<double[]> refits(QuantileFit fit) {
        int n = fit.rows();
        Integer[] order = new Integer[n];
        double[] magnitude = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            magnitude[i] = Math.abs(fit.residual(i));
        }
        Arrays.sort(order, (a, b) -> Double.compare(magnitude[a], magnitude[b]));
        int[] preference = new int[n];
        for (int i = 0; i < n; i++) preference[i] = order[i];
        int[] start = independentRows(fit.design(), fit.p(), preference);
        return tau -> fit(fit.design(), fit.target(), fit.p(), tau, start);
    }

    /**
     * As {@link #fit}, then along flat edges to the minimiser with the largest coefficient
     * {@code coordinate}, so that a problem with many minimisers has one answer.
     *
     * @param flat  set to whether there was more than one minimiser (a flat edge at the first one reached)
     */
    static double[] fitLargest(double[] x, double[] y, int p, double tau, int[] start, int coordinate, boolean[] flat) {
        QuantileWalk walk = new QuantileWalk(x, y, p, tau, start);
        walk.descend();
        flat[0] = walk.climb(coordinate);
        return walk.beta.clone();
    }

    /**
     * The first p rows in order of {@code preference} whose design rows are linearly independent
     * (Gram-Schmidt with a relative tolerance).
     *
     * @throws IllegalArgumentException when the design has rank below p
     */
    static int[] independentRows(double[] x, int p, int[] preference) {
        int[] chosen = new int[p];
        double[][] orthonormal = new double[p][];
        int found = 0;
        for (int row : preference) {
            double[] v = Arrays.copyOfRange(x, row * p, row * p + p);
            double norm = Math.sqrt(dot(v, v));
            for (int k = 0; k < found; k++) {
                double along = dot(v, orthonormal[k]);
                for (int c = 0; c < p; c++) v[c] -= along * orthonormal[k][c];
            }
            double left = Math.sqrt(dot(v, v));
            if (norm == 0 || left <= 1e-9 * norm) continue;
            for (int c = 0; c < p; c++) v[c] /= left;
            orthonormal[found] = v;
            chosen[found++] = row;
            if (found == p) return chosen;
        }
        throw new IllegalArgumentException("the design has rank " + found + " < " + p + " coefficients");
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    /** beta through the basis rows, the inverse of their design and every residual, from scratch. */
    private void refit() {
        RealMatrix rows = MatrixUtils.createRealMatrix(p, p);
        double[] target = new double[p];
        for (int k = 0; k < p; k++) {
            for (int c = 0; c < p; c++) rows.setEntry(k, c, x[basis[k] * p + c]);
            target[k] = y[basis[k]];
        }
        LUDecomposition lu = new LUDecomposition(rows);
        inverse = lu.getSolver().getInverse().getData();
        System.arraycopy(lu.getSolver().solve(MatrixUtils.createRealVector(target)).toArray(), 0, beta, 0, p);
        for (int i = 0; i < n; i++) {
            double fit = 0;
            for (int c = 0; c < p; c++) fit += x[i * p + c] * beta[c];
            residual[i] = y[i] - fit;
        }
        for (int row : basis) residual[row] = 0;
    }

    /** g_i = x_i . d for the edge that moves basis row {@code j}'s residual to -t (d = column j of the inverse). */
    private double[] edge(int j) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < p; c++) sum += x[i * p + c] * inverse[c][j];
            g[i] = sum;
        }
        for (int row : basis) g[row] = 0;
        return g;
    }

    /** The loss's slope at t = 0+ along direction sign * d_j; {@code scale[0]} gets sum |g_i|, for tolerances. */
    private double slope(double[] g, int sign, double[] scale) {
        // the basis row leaves zero: residual -sign t
        double slope = sign > 0 ? 1 - tau : tau;
        double sum = 1;
        for (int i = 0; i < n; i++) {
            double v = -sign * g[i]; // the residual's rate of change
            if (v == 0) continue;
            sum += Math.abs(v);
            double r = residual[i];
            slope += r > zero ? tau * v : r < -zero ? (tau - 1) * v : v > 0 ? tau * v : (tau - 1) * v;
        }
        scale[0] = sum;
        return slope;
    }

    /**
     * Steepest descent over the 2p edges. An edge's slope needs no pass over the rows: with w the sum
     * of tau x_i over the rows above the fit and (tau - 1) x_i below, the rows' part of the slope along
     * sign * d_j is -sign w . d_j; only rows on the fit that are not in the basis (degenerate) are
     * priced one by one.
     */
    private void descend() {
        double[] columnAbs = new double[p];
        for (int i = 0; i < n; i++) for (int c = 0; c < p; c++) columnAbs[c] += Math.abs(x[i * p + c]);
        boolean[] inBasis = new boolean[n];
        int[] degenerate = new int[n];
        double[] w = new double[p];
        for (int step = 0; step < 50L * n + 1000; step++) {
            Arrays.fill(inBasis, false);
            for (int row : basis) inBasis[row] = true;
            Arrays.fill(w, 0);
            int degenerateRows = 0;
            for (int i = 0; i < n; i++) {
                if (inBasis[i]) continue;
                double r = residual[i];
                double weight = r > zero ? tau : r < -zero ? tau - 1 : Double.NaN;
                if (Double.isNaN(weight)) {
                    degenerate[degenerateRows++] = i;
                    continue;
                }
                for (int c = 0; c < p; c++) w[c] += weight * x[i * p + c];
            }
            int bestJ = -1, bestSign = 0;
            double best = 0;
            for (int j = 0; j < p; j++) {
                double along = 0, scale = 1;
                for (int c = 0; c < p; c++) {
                    along += w[c] * inverse[c][j];
                    scale += columnAbs[c] * Math.abs(inverse[c][j]);
                }
                for (int sign = -1; sign <= 1; sign += 2) {
                    double s = (sign > 0 ? 1 - tau : tau) - sign * along;
                    for (int k = 0; k < degenerateRows; k++) {
                        int i = degenerate[k];
                        double g = 0;
                        for (int c = 0; c < p; c++) g += x[i * p + c] * inverse[c][j];
                        double v = -sign * g;
                        s += v > 0 ? tau * v : (tau - 1) * v;
                    }
                    if (s < -1e-12 * scale && s < best) {
                        best = s;
                        bestJ = j;
                        bestSign = sign;
                    }
                }
            }
            if (bestJ < 0) return;
            move(bestJ, bestSign, edge(bestJ), best);
        }
        throw new IllegalStateException("quantile refit at tau " + tau + " did not converge");
    }

    /** Walks flat edges that raise beta[coordinate]; returns whether there was one. */
    private boolean climb(int coordinate) {
        double[] scale = new double[1];
        boolean moved = false;
        for (int step = 0; step < 50L * n + 1000; step++) {
            boolean found = false;
            for (int j = 0; j < p && !found; j++) {
                double[] g = edge(j);
                for (int sign = -1; sign <= 1 && !found; sign += 2) {
                    if (sign * inverse[coordinate][j] <= 0) continue;
                    double s = slope(g, sign, scale);
                    if (Math.abs(s) <= 1e-10 * scale[0]) {
                        double before = beta[coordinate];
                        move(j, sign, g, 0);
                        found = beta[coordinate] > before;
                    }
                }
            }
            if (!found) return moved;
            moved = true;
        }
        return moved;
    }

    /**
     * Steps along sign * d_j from slope {@code slope} <= 0 to the first breakpoint at which the slope
     * turns non-negative, and swaps the row met there into the basis.
     */
    private void move(int j, int sign, double[] g, double slope) {
        int count = 0;
        double[] at = new double[n];
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            double v = -sign * g[i];
            double r = residual[i];
            // the residual r + t v crosses zero ahead when r and v have opposite signs
            if (v != 0 && (r > zero && v < 0 || r < -zero && v > 0)) {
                at[count] = -r / v;
                rows[count++] = i;
            }
        }
        sortByKey(rows, at, 0, count - 1);
        double s = slope;
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            s += Math.abs(g[i]);
            if (s >= 0) {
                basis[j] = i;
                refit();
                return;
            }
        }
        throw new IllegalStateException("quantile refit at tau " + tau + ": the objective is unbounded");
    }

    /** Sorts rows[lo..hi] and keys[lo..hi] together by key (quicksort, middle pivot; insertion sort when short). */
    private static void sortByKey(int[] rows, double[] keys, int lo, int hi) {
        while (hi - lo > 16) {
            double pivot = keys[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j) {
                while (keys[i] < pivot) i++;
                while (keys[j] > pivot) j--;
                if (i <= j) {
                    swap(rows, keys, i++, j--);
                }
            }
            // recurse into the shorter part, loop on the longer: stack depth O(log n)
            if (j - lo < hi - i) {
                sortByKey(rows, keys, lo, j);
                lo = i;
            } else {
                sortByKey(rows, keys, i, hi);
                hi = j;
            }
        }
        for (int a = lo + 1; a <= hi; a++) {
            for (int b = a; b > lo && keys[b - 1] > keys[b]; b--) swap(rows, keys, b - 1, b);
        }
    }

    private static void swap(int[] rows, double[] keys, int a, int b) {
        int row = rows[a];
        rows[a] = rows[b];
        rows[b] = row;
        double key = keys[a];
        keys[a] = keys[b];
        keys[b] = key;
    }
}

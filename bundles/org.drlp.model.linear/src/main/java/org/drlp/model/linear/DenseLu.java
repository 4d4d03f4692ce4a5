package org.drlp.model.linear;

/**
 * LU factors with partial pivoting of a small dense square matrix (a basis of a few observations),
 * for solves with it and with its transpose.
 */
final class DenseLu {

    private final int n;
    private final double[] lu;
    private final int[] pivot;

    private DenseLu(int n, double[] lu, int[] pivot) {
        this.n = n;
        this.lu = lu;
        this.pivot = pivot;
    }

    /**
     * Factors the row-major n x n matrix {@code a} (not changed); null when it is singular: a pivot
     * below {@code relativeTolerance} times the largest entry.
     */
    static DenseLu of(double[] a, int n, double relativeTolerance) {
        double[] lu = a.clone();
        int[] pivot = new int[n];
        double scale = 0;
        for (double v : lu) scale = Math.max(scale, Math.abs(v));
        double tiny = relativeTolerance * scale;
        for (int k = 0; k < n; k++) {
            int best = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(lu[i * n + k]) > Math.abs(lu[best * n + k])) best = i;
            }
            if (!(Math.abs(lu[best * n + k]) > tiny)) return null;
            pivot[k] = best;
            if (best != k) {
                for (int c = 0; c < n; c++) {
                    double t = lu[k * n + c];
                    lu[k * n + c] = lu[best * n + c];
                    lu[best * n + c] = t;
                }
            }
            double d = lu[k * n + k];
            for (int i = k + 1; i < n; i++) {
                double m = lu[i * n + k] / d;
                lu[i * n + k] = m;
                if (m == 0) continue;
                for (int c = k + 1; c < n; c++) lu[i * n + c] -= m * lu[k * n + c];
            }
        }
        return new DenseLu(n, lu, pivot);
    }

    /** x with A x = b; b is overwritten with x. */
    void solve(double[] b) {
        for (int k = 0; k < n; k++) {
            int r = pivot[k];
            if (r != k) {
                double t = b[k];
                b[k] = b[r];
                b[r] = t;
            }
        }
        for (int i = 1; i < n; i++) {
            double s = b[i];
            for (int c = 0; c < i; c++) s -= lu[i * n + c] * b[c];
            b[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int c = i + 1; c < n; c++) s -= lu[i * n + c] * b[c];
            b[i] = s / lu[i * n + i];
        }
    }

    /** x with A' x = b; b is overwritten with x. */
    void solveTransposed(double[] b) {
        // A = P' L U, so A' x = U' L' P x = b
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int c = 0; c < i; c++) s -= lu[c * n + i] * b[c];
            b[i] = s / lu[i * n + i];
        }
        for (int i = n - 2; i >= 0; i--) {
            double s = b[i];
            for (int c = i + 1; c < n; c++) s -= lu[c * n + i] * b[c];
            b[i] = s;
        }
        for (int k = n - 1; k >= 0; k--) {
            int r = pivot[k];
            if (r != k) {
                double t = b[k];
                b[k] = b[r];
                b[r] = t;
            }
        }
    }
}

package org.drlp.kernel.basis;

/**
 * LU decomposition with partial pivoting of a small dense matrix, for the refactorisation of the
 * edge directions. The same algorithm and absolute singularity test as commons-math's
 * {@code LUDecomposition} (Crout order, largest pivot in the column), on flat arrays: it runs on the
 * first refactorisation of every solve, where loading and warming up a matrix library's classes
 * would be part of the solve's time.
 */
public final class DenseLu {

    private DenseLu() {
    }

    /**
     * Writes the transpose of A^-1 into {@code out} (row k of out is column k of A^-1).
     *
     * @param a          row-major n x n; overwritten with the factors
     * @param threshold  a pivot below this in absolute value makes A singular
     * @return false when A is singular ({@code out} is then unchanged)
     */
    public static boolean invertTransposed(double[] a, int n, double threshold, double[] out) {
        int[] pivot = new int[n];
        for (int i = 0; i < n; i++) pivot[i] = i;
        for (int col = 0; col < n; col++) {
            for (int row = 0; row < col; row++) {
                double sum = a[row * n + col];
                for (int i = 0; i < row; i++) sum -= a[row * n + i] * a[i * n + col];
                a[row * n + col] = sum;
            }
            int max = col;
            double largest = Double.NEGATIVE_INFINITY;
            for (int row = col; row < n; row++) {
                double sum = a[row * n + col];
                for (int i = 0; i < col; i++) sum -= a[row * n + i] * a[i * n + col];
                a[row * n + col] = sum;
                if (Math.abs(sum) > largest) {
                    largest = Math.abs(sum);
                    max = row;
                }
            }
            if (!(Math.abs(a[max * n + col]) >= threshold)) return false;
            if (max != col) {
                for (int i = 0; i < n; i++) {
                    double t = a[max * n + i];
                    a[max * n + i] = a[col * n + i];
                    a[col * n + i] = t;
                }
                int t = pivot[max];
                pivot[max] = pivot[col];
                pivot[col] = t;
            }
            double diagonal = a[col * n + col];
            for (int row = col + 1; row < n; row++) a[row * n + col] /= diagonal;
        }
        double[] b = new double[n];
        for (int k = 0; k < n; k++) {
            // column k of A^-1 solves A x = e_k: permute, then forward and back substitution
            for (int row = 0; row < n; row++) b[row] = pivot[row] == k ? 1 : 0;
            for (int col = 0; col < n; col++) {
                double v = b[col];
                if (v == 0) continue;
                for (int i = col + 1; i < n; i++) b[i] -= v * a[i * n + col];
            }
            for (int col = n - 1; col >= 0; col--) {
                b[col] /= a[col * n + col];
                double v = b[col];
                for (int i = 0; i < col; i++) b[i] -= v * a[i * n + col];
            }
            System.arraycopy(b, 0, out, k * n, n);
        }
        return true;
    }
}

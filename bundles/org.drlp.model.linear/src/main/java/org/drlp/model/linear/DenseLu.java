package org.drlp.model.linear;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Commons Math's LU factors (partial pivoting) of a small dense square matrix given row-major (a
 * basis of a few observations, a cross-product matrix), with the singularity test relative to the
 * largest entry, as the inference's tolerances are stated, and solves with the matrix and its
 * transpose in place.
 */
final class DenseLu {

    private final DecompositionSolver solver;
    private final DecompositionSolver transposed;

    private DenseLu(DecompositionSolver solver, DecompositionSolver transposed) {
        this.solver = solver;
        this.transposed = transposed;
    }

    /**
     * Factors the row-major n x n matrix {@code a} (not changed); null when it is singular: a pivot
     * below {@code relativeTolerance} times the largest entry.
     */
    static DenseLu of(double[] a, int n, double relativeTolerance) {
        RealMatrix matrix = MatrixUtils.createRealMatrix(n, n);
        double scale = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                matrix.setEntry(r, c, a[r * n + c]);
                scale = Math.max(scale, Math.abs(a[r * n + c]));
            }
        }
        double tiny = relativeTolerance * scale;
        if (!(tiny > 0)) return null;
        DecompositionSolver solver = new LUDecomposition(matrix, tiny).getSolver();
        if (!solver.isNonSingular()) return null;
        return new DenseLu(solver, new LUDecomposition(matrix.transpose(), tiny).getSolver());
    }

    /** x with A x = b; b is overwritten with x. */
    void solve(double[] b) {
        double[] x = solver.solve(new ArrayRealVector(b, false)).toArray();
        System.arraycopy(x, 0, b, 0, b.length);
    }

    /** x with A' x = b; b is overwritten with x. */
    void solveTransposed(double[] b) {
        double[] x = transposed.solve(new ArrayRealVector(b, false)).toArray();
        System.arraycopy(x, 0, b, 0, b.length);
    }
}

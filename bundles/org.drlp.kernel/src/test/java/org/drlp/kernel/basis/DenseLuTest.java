package org.drlp.kernel.basis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The kernel's own LU against commons-math's on random, permuted, badly scaled and singular matrices. */
class DenseLuTest {

    @Test
    void inverseTransposedMatchesCommonsMathOnRandomMatrices() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(40);
            double scale = Math.pow(10, random.nextInt(-6, 7));
            double[] a = new double[n * n];
            for (int i = 0; i < a.length; i++) {
                // a zero diagonal forces row exchanges
                a[i] = (i % (n + 1) == 0 && trial % 3 == 0) ? 0 : scale * (random.nextDouble() * 2 - 1);
            }
            RealMatrix matrix = new Array2DRowRealMatrix(n, n);
            for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) matrix.setEntry(r, c, a[r * n + c]);
            LUDecomposition reference = new LUDecomposition(matrix, 1e-300);
            if (!reference.getSolver().isNonSingular()) continue;
            RealMatrix inverse = reference.getSolver().getInverse();

            double[] out = new double[n * n];
            assertTrue(DenseLu.invertTransposed(a.clone(), n, 1e-300, out), "trial " + trial);
            double largest = 0;
            for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) largest = Math.max(largest, Math.abs(inverse.getEntry(r, c)));
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < n; i++) {
                    assertEquals(inverse.getEntry(i, k), out[k * n + i], 1e-9 * largest, "trial " + trial + " entry " + i + "," + k);
                }
            }
            // and it is an inverse: A (out^T) = I
            for (int r = 0; r < n; r++) {
                for (int k = 0; k < n; k++) {
                    double sum = 0;
                    for (int i = 0; i < n; i++) sum += a[r * n + i] * out[k * n + i];
                    assertEquals(r == k ? 1 : 0, sum, 1e-7 * Math.max(1, largest * scale * n), "trial " + trial);
                }
            }
        }
    }

    @Test
    void aSingularMatrixIsReportedAndTheOutputLeftAlone() {
        double[] a = {1, 2, 3, 2, 4, 6, 0, 1, 5}; // row 2 = 2 x row 1
        double[] out = new double[9];
        Arrays.fill(out, 7);
        assertFalse(DenseLu.invertTransposed(a, 3, 1e-11, out));
        assertArrayEquals(new double[] {7, 7, 7, 7, 7, 7, 7, 7, 7}, out);
    }

    @Test
    void aPermutationNeedsRowExchanges() {
        double[] a = {0, 1, 0, 0, 0, 1, 1, 0, 0};
        double[] out = new double[9];
        assertTrue(DenseLu.invertTransposed(a, 3, 1e-11, out));
        // the inverse of a permutation is its transpose, so out (the inverse transposed) equals a
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 1, 1, 0, 0}, out, 0);
    }
}

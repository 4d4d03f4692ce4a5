package org.drlp.data;

/**
 * Linear data y = 1 + x1 + ... + xp + scale * e as drawn, with the noise e kept so that a kind that
 * changes x can recompute y on the same noise.
 *
 * @param x      row-major, p values a row
 * @param noise  e, one value a row, before the scale
 */
record LinearDraw(int p, double[] x, double[] y, double[] noise) {

    int rows() {
        return y.length;
    }

    /** 1 + the row sum of {@code x} + scale * e, summed in the order the draw sums. */
    double[] targets(double[] x, double scale) {
        double[] y = new double[noise.length];
        for (int i = 0; i < y.length; i++) {
            double fit = 1;
            for (int j = 0; j < p; j++) fit += x[i * p + j];
            y[i] = fit + scale * noise[i];
        }
        return y;
    }
}

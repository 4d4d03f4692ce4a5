package org.drlp.compare;

/**
 * exp(mean(ln(v + s))) - s: a geometric mean that a few near-zero values cannot pull to zero,
 * the usual summary of solver benchmarks (Achterberg 2007; the Mittelmann benchmarks).
 */
public final class ShiftedGeometricMean {

    private ShiftedGeometricMean() {
    }

    /** NaN for no values; +infinity when a value is infinite. */
    public static double of(double[] values, double shift) {
        if (values.length == 0) return Double.NaN;
        double logs = 0;
        for (double value : values) {
            if (value == Double.POSITIVE_INFINITY) return Double.POSITIVE_INFINITY;
            logs += Math.log(value + shift);
        }
        return Math.exp(logs / values.length) - shift;
    }
}

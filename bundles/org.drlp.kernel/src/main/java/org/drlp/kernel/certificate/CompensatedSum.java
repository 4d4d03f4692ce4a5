package org.drlp.kernel.certificate;

/**
 * A sum of products accurate to about twice the working precision (Ogita, Rump and Oishi's Dot2:
 * each product split exactly with {@link Math#fma}, each addition with Knuth's TwoSum), for the
 * checks the walk makes before it reports a claim; not for the hot loops.
 */
public final class CompensatedSum {

    private double sum;
    private double error;

    public void reset() {
        sum = 0;
        error = 0;
    }

    /** Adds a * b. */
    public void addProduct(double a, double b) {
        double product = a * b;
        double productError = Math.fma(a, b, -product);
        double total = sum + product;
        double back = total - sum;
        error += (sum - (total - back)) + (product - back) + productError;
        sum = total;
    }

    /** Adds a . b over the length of a. */
    public void addDot(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) addProduct(a[i], b[i]);
    }

    public double value() {
        return sum + error;
    }
}

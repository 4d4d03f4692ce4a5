package org.drlp.testkit;

import java.util.SplittableRandom;

import org.drlp.spi.SeparableProgram;

/**
 * A small separable program f(x) = c . x + sum_j phi_j(a_j . x - b_j), dense, written for clarity:
 * the line-search contract walks lines of it, and the kit's own tests break it on purpose.
 */
class HingeProgram implements SeparableProgram {

    final int n;
    final int m;
    final double[] c;
    final double[][] a;
    final double[] b;
    final double[] low;
    final double[] high;
    final double[] x;
    final double[] z;
    final boolean[] side;

    HingeProgram(double[] c, double[][] a, double[] b, double[] low, double[] high) {
        this.n = c.length;
        this.m = b.length;
        this.c = c;
        this.a = a;
        this.b = b;
        this.low = low;
        this.high = high;
        this.x = new double[n];
        this.z = new double[m];
        this.side = new boolean[m];
    }

    /** A random convex one: Gaussian normals and offsets, slopes low in [-1, 0], high in [0, 1]. */
    static HingeProgram random(SplittableRandom random, int n, int m) {
        double[] c = new double[n], b = new double[m], low = new double[m], high = new double[m];
        double[][] a = new double[m][n];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) a[j][i] = gaussian(random);
            b[j] = gaussian(random);
            low[j] = -random.nextDouble();
            high[j] = random.nextDouble();
        }
        for (int i = 0; i < n; i++) c[i] = 0.1 * gaussian(random);
        return new HingeProgram(c, a, b, low, high);
    }

    static double gaussian(SplittableRandom random) {
        double u = random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** f at y, from the definition (the sides from the signs). */
    double valueAt(double[] y) {
        double sum = dot(c, y);
        for (int j = 0; j < m; j++) {
            double zj = dot(a[j], y) - b[j];
            sum += zj < 0 ? low[j] * zj : high[j] * zj;
        }
        return sum;
    }

    static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) sum += u[i] * v[i];
        return sum;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public int neuronCount() {
        return m;
    }

    @Override
    public void reset(double[] point) {
        System.arraycopy(point, 0, x, 0, n);
        refresh();
        for (int j = 0; j < m; j++) side[j] = z[j] > 0;
    }

    @Override
    public double[] point() {
        return x;
    }

    @Override
    public double[] preactivations() {
        return z;
    }

    @Override
    public boolean[] highSide() {
        return side;
    }

    double slope(int j) {
        return side[j] ? high[j] : low[j];
    }

    @Override
    public double value() {
        double sum = dot(c, x);
        for (int j = 0; j < m; j++) sum += slope(j) * z[j];
        return sum;
    }

    @Override
    public void gradient(double[] out) {
        System.arraycopy(c, 0, out, 0, n);
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) out[i] += slope(j) * a[j][i];
        }
    }

    @Override
    public double directional(double[] v, double[] dz) {
        double slope = dot(c, v);
        for (int j = 0; j < m; j++) {
            dz[j] = dot(a[j], v);
            slope += slope(j) * dz[j];
        }
        return slope;
    }

    @Override
    public void normal(int j, double[] out) {
        System.arraycopy(a[j], 0, out, 0, n);
    }

    @Override
    public double flipEffect(int k, double[] v, FlipSink sink) {
        double change = high[k] - low[k];
        return (side[k] ? -change : change) * dot(a[k], v);
    }

    @Override
    public void flip(int k) {
        side[k] = !side[k];
    }

    @Override
    public void advance(double t, double[] v, double[] dz) {
        for (int i = 0; i < n; i++) x[i] += t * v[i];
        for (int j = 0; j < m; j++) z[j] += t * dz[j];
    }

    @Override
    public void refresh() {
        for (int j = 0; j < m; j++) z[j] = dot(a[j], x) - b[j];
    }

    @Override
    public double scale(int j) {
        double norm = 0;
        for (int i = 0; i < n; i++) norm += Math.abs(a[j][i] * x[i]);
        return norm + Math.abs(b[j]);
    }

    @Override
    public boolean isConvex() {
        for (int j = 0; j < m; j++) if (low[j] > high[j]) return false;
        return true;
    }

    @Override
    public double lowSlope(int j) {
        return low[j];
    }

    @Override
    public double highSlope(int j) {
        return high[j];
    }

    @Override
    public void stationarity(double[] lambda, double[] out) {
        System.arraycopy(c, 0, out, 0, n);
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) out[i] += lambda[j] * a[j][i];
        }
    }
}

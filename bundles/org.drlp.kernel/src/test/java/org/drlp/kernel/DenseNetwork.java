package org.drlp.kernel;

import java.util.Arrays;
import java.util.Random;

import org.drlp.spi.ReluProgram;

/**
 * A small dense feed-forward network of two-slope neurons with one affine output, written plainly
 * as an independent ReluProgram for the kernel's tests (the general, non-separable path).
 */
final class DenseNetwork implements ReluProgram {

    final int n;
    final int[] widths;
    final double[][][] weights;
    final double[][] biases;
    final double[][] low;
    final double[][] high;
    final double[] outWeights;
    final double outBias;
    final boolean convex;
    private final int[] offset;
    private final int m;

    private final double[] x;
    private final double[] z;
    private final boolean[] side;
    private final double[][] work;
    private final double[][] work2;
    private final double[][] activation;

    DenseNetwork(int n, double[][][] weights, double[][] biases, double[][] low, double[][] high, double[] outWeights,
                 double outBias, boolean convex) {
        this.n = n;
        this.weights = weights;
        this.biases = biases;
        this.low = low;
        this.high = high;
        this.outWeights = outWeights;
        this.outBias = outBias;
        this.convex = convex;
        this.widths = new int[weights.length];
        this.offset = new int[weights.length];
        int count = 0;
        for (int l = 0; l < weights.length; l++) {
            widths[l] = weights[l].length;
            offset[l] = count;
            count += widths[l];
        }
        this.m = count;
        this.x = new double[n];
        this.z = new double[m];
        this.side = new boolean[m];
        this.work = new double[weights.length][];
        this.work2 = new double[weights.length][];
        this.activation = new double[weights.length][];
        for (int l = 0; l < weights.length; l++) {
            activation[l] = new double[widths[l]];
            work[l] = new double[widths[l]];
            work2[l] = new double[widths[l]];
        }
    }

    /** Random ReLU network with weights U(-1, 1). */
    static DenseNetwork random(int n, int[] widths, long seed) {
        Random random = new Random(seed);
        int layers = widths.length;
        double[][][] w = new double[layers][][];
        double[][] b = new double[layers][], lo = new double[layers][], hi = new double[layers][];
        int previous = n;
        for (int l = 0; l < layers; l++) {
            w[l] = new double[widths[l]][previous];
            b[l] = new double[widths[l]];
            lo[l] = new double[widths[l]];
            hi[l] = new double[widths[l]];
            for (int u = 0; u < widths[l]; u++) {
                for (int c = 0; c < previous; c++) w[l][u][c] = 2 * random.nextDouble() - 1;
                b[l][u] = 2 * random.nextDouble() - 1;
                hi[l][u] = 1;
            }
            previous = widths[l];
        }
        double[] out = new double[previous];
        for (int u = 0; u < previous; u++) out[u] = 2 * random.nextDouble() - 1;
        return new DenseNetwork(n, w, b, lo, hi, out, 2 * random.nextDouble() - 1, false);
    }

    /** sum_i loss(a_i . x - y_i) as a one-hidden-layer network: the general path's view of regression. */
    static DenseNetwork regression(double[] design, double[] y, int n, double lowSlope, double highSlope) {
        int rows = y.length;
        double[][][] w = {new double[rows][n]};
        double[][] b = {new double[rows]}, lo = {new double[rows]}, hi = {new double[rows]};
        for (int i = 0; i < rows; i++) {
            System.arraycopy(design, i * n, w[0][i], 0, n);
            b[0][i] = -y[i];
            lo[0][i] = lowSlope;
            hi[0][i] = highSlope;
        }
        double[] out = new double[rows];
        Arrays.fill(out, 1);
        return new DenseNetwork(n, w, b, lo, hi, out, 0, lowSlope <= highSlope);
    }

    private double slopeOf(int l, int u) {
        return side[offset[l] + u] ? high[l][u] : low[l][u];
    }

    /** Plain evaluation from signs, for oracles. */
    double evaluate(double[] point) {
        double[] h = point;
        for (int l = 0; l < weights.length; l++) {
            double[] next = new double[widths[l]];
            for (int u = 0; u < widths[l]; u++) {
                double s = biases[l][u];
                for (int c = 0; c < h.length; c++) s += weights[l][u][c] * h[c];
                next[u] = s > 0 ? high[l][u] * s : low[l][u] * s;
            }
            h = next;
        }
        double f = outBias;
        for (int u = 0; u < h.length; u++) f += outWeights[u] * h[u];
        return f;
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
    public void reset(double[] start) {
        System.arraycopy(start, 0, x, 0, n);
        double[] h = x;
        for (int l = 0; l < weights.length; l++) {
            for (int u = 0; u < widths[l]; u++) {
                double s = biases[l][u];
                for (int c = 0; c < h.length; c++) s += weights[l][u][c] * h[c];
                z[offset[l] + u] = s;
                side[offset[l] + u] = s > 0;
                activation[l][u] = slopeOf(l, u) * s;
            }
            h = activation[l];
        }
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

    @Override
    public double value() {
        int last = weights.length - 1;
        double f = outBias;
        for (int u = 0; u < widths[last]; u++) f += outWeights[u] * slopeOf(last, u) * z[offset[last] + u];
        return f;
    }

    @Override
    public void gradient(double[] out) {
        backward(weights.length - 1, null, -1, out);
    }

    /** Backward pass from the output (unit < 0) or from one unit of layer {@code from}. */
    private void backward(int from, double[] unused, int unit, double[] out) {
        double[] delta = work2[from];
        for (int u = 0; u < widths[from]; u++) {
            delta[u] = unit < 0 ? outWeights[u] * slopeOf(from, u) : (u == unit ? 1 : 0);
        }
        for (int l = from; l > 0; l--) {
            double[] previous = work2[l - 1];
            for (int c = 0; c < widths[l - 1]; c++) {
                double s = 0;
                for (int u = 0; u < widths[l]; u++) s += weights[l][u][c] * delta[u];
                previous[c] = s * slopeOf(l - 1, c);
            }
            delta = previous;
        }
        for (int c = 0; c < n; c++) {
            double s = 0;
            for (int u = 0; u < widths[0]; u++) s += weights[0][u][c] * delta[u];
            out[c] = s;
        }
    }

    @Override
    public double directional(double[] v, double[] dz) {
        double[] h = v;
        for (int l = 0; l < weights.length; l++) {
            for (int u = 0; u < widths[l]; u++) {
                double s = 0;
                for (int c = 0; c < h.length; c++) s += weights[l][u][c] * h[c];
                dz[offset[l] + u] = s;
                work[l][u] = slopeOf(l, u) * s;
            }
            h = work[l];
        }
        double gv = 0;
        int last = weights.length - 1;
        for (int u = 0; u < widths[last]; u++) gv += outWeights[u] * work[last][u];
        return gv;
    }

    @Override
    public void normal(int j, double[] out) {
        int l = layerOf(j);
        backward(l, null, j - offset[l], out);
    }

    @Override
    public double flipEffect(int k, double[] v, FlipSink sink) {
        double[] dz = new double[m];
        directional(v, dz);
        int l = layerOf(k), unit = k - offset[l];
        double changeOut = (side[k] ? low[l][unit] - high[l][unit] : high[l][unit] - low[l][unit]) * dz[k];
        double[] change = new double[widths[l]];
        change[unit] = changeOut;
        for (int deeper = l + 1; deeper < weights.length; deeper++) {
            double[] next = new double[widths[deeper]];
            for (int u = 0; u < widths[deeper]; u++) {
                double s = 0;
                for (int c = 0; c < change.length; c++) s += weights[deeper][u][c] * change[c];
                if (s != 0) sink.accept(offset[deeper] + u, s);
                next[u] = slopeOf(deeper, u) * s;
            }
            change = next;
        }
        double g = 0;
        for (int u = 0; u < change.length; u++) g += outWeights[u] * change[u];
        return g;
    }

    @Override
    public void flip(int k) {
        side[k] = !side[k];
    }

    @Override
    public void advance(double t, double[] v, double[] dz) {
        for (int c = 0; c < n; c++) x[c] += t * v[c];
        for (int j = 0; j < m; j++) z[j] += t * dz[j];
    }

    @Override
    public void refresh() {
        double[] h = x;
        for (int l = 0; l < weights.length; l++) {
            for (int u = 0; u < widths[l]; u++) {
                double s = biases[l][u];
                for (int c = 0; c < h.length; c++) s += weights[l][u][c] * h[c];
                z[offset[l] + u] = s;
                activation[l][u] = slopeOf(l, u) * s;
            }
            h = activation[l];
        }
    }

    @Override
    public double scale(int j) {
        int l = layerOf(j), u = j - offset[l];
        double s = Math.abs(biases[l][u]);
        for (int c = 0; c < weights[l][u].length; c++) {
            double h = l == 0 ? x[c] : activation[l - 1][c];
            s += Math.abs(weights[l][u][c] * h);
        }
        return s;
    }

    @Override
    public boolean isConvex() {
        return convex;
    }

    private int layerOf(int j) {
        int l = 0;
        while (l + 1 < offset.length && offset[l + 1] <= j) l++;
        return l;
    }
}

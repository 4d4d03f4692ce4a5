package org.drlp.model.relu;

import java.util.Arrays;

import org.drlp.spi.ReluProgram;

/**
 * Minimise a fixed network over its input x. The neurons are all hidden units, numbered layer by
 * layer (layer 1's units first), slopes (0, 1); the affine output is not a neuron. Every per-pivot
 * method costs one pass over the weights, O(P), and allocates nothing.
 */
public final class ArgminProgram implements ReluProgram {

    private final int dimension;
    private final int baseWidth;        // n_1 (1 for a network without hidden layers)
    private final double[] firstWeights;
    private final double[] firstBiases;
    private final LayerStack stack;
    private final boolean convex;

    private final double[] x;
    private final double[] z;
    private final boolean[] high;

    private final double[] base;        // n_1 values: preactivations or their derivatives, or an adjoint
    private final double[] dzWork;      // flipEffect's own forward pass
    private final double[] delta;       // flip's downstream changes

    public ArgminProgram(Network network) {
        dimension = network.inputDimension();
        firstWeights = network.weights(1);
        firstBiases = network.biases(1);
        stack = new LayerStack(network, 1);
        baseWidth = stack.baseWidth();
        convex = stack.convexInBase();
        int neurons = stack.neurons();
        x = new double[dimension];
        z = new double[neurons];
        high = new boolean[neurons];
        base = new double[baseWidth];
        dzWork = new double[neurons];
        delta = new double[neurons];
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int neuronCount() {
        return z.length;
    }

    @Override
    public void reset(double[] point) {
        requireDimension(point);
        System.arraycopy(point, 0, x, 0, dimension);
        stack.forward(firstLayer(x, true), z, high, 0, true);
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
        return high;
    }

    @Override
    public double value() {
        if (z.length == 0) return firstLayer(x, true)[0];
        return stack.output(z, high, 0);
    }

    @Override
    public void gradient(double[] out) {
        stack.outputAdjoint(high, 0, base);
        pullBack(base, out);
    }

    @Override
    public double directional(double[] v, double[] dz) {
        return stack.forwardDirection(firstLayer(v, false), dz, 0, high, 0);
    }

    @Override
    public void normal(int j, double[] out) {
        stack.neuronAdjoint(j, high, 0, base);
        pullBack(base, out);
    }

    @Override
    public double flipEffect(int k, double[] v, FlipSink sink) {
        stack.forwardDirection(firstLayer(v, false), dzWork, 0, high, 0);
        double outputChange = (high[k] ? -1 : 1) * dzWork[k];
        double change = stack.propagateChange(k, outputChange, high, 0, delta);
        for (int m = stack.firstDownstream(k); m < z.length; m++) {
            if (delta[m] != 0) sink.accept(m, delta[m]);
        }
        return change;
    }

    @Override
    public void flip(int k) {
        // z_k is (nearly) zero, so this changes nothing visible; it keeps z exactly the
        // preactivations under the new pattern even when z_k is a round-off away from zero.
        double outputChange = (high[k] ? -1 : 1) * z[k];
        high[k] = !high[k];
        if (outputChange == 0) return;
        stack.propagateChange(k, outputChange, high, 0, delta);
        for (int m = stack.firstDownstream(k); m < z.length; m++) z[m] += delta[m];
    }

    /** flip propagates the change of the neuron's output downstream, wherever z_k is. */
    @Override
    public boolean exactFlips() {
        return true;
    }

    @Override
    public void advance(double t, double[] v, double[] dz) {
        for (int i = 0; i < dimension; i++) x[i] += t * v[i];
        for (int j = 0; j < z.length; j++) z[j] += t * dz[j];
    }

    @Override
    public void refresh() {
        stack.forward(firstLayer(x, true), z, high, 0, false);
    }

    @Override
    public double scale(int j) {
        if (!stack.inBase(j)) return stack.scale(j, z, high, 0);
        double s = Math.abs(firstBiases[j]);
        for (int i = 0; i < dimension; i++) s += Math.abs(firstWeights[j * dimension + i] * x[i]);
        return s;
    }

    /** True when every weight after the first layer is non-negative: then f is convex (a sufficient test). */
    @Override
    public boolean isConvex() {
        return convex;
    }

    /** W_1 u (+ b_1 when {@code withBias}) into the base work array. */
    private double[] firstLayer(double[] u, boolean withBias) {
        for (int r = 0; r < baseWidth; r++) {
            double s = withBias ? firstBiases[r] : 0;
            int row = r * dimension;
            for (int c = 0; c < dimension; c++) s += firstWeights[row + c] * u[c];
            base[r] = s;
        }
        return base;
    }

    /** out = W_1^T a: a derivative with respect to the first layer's preactivations, as one in x. */
    private void pullBack(double[] a, double[] out) {
        Arrays.fill(out, 0, dimension, 0);
        for (int r = 0; r < baseWidth; r++) {
            double ar = a[r];
            if (ar == 0) continue;
            int row = r * dimension;
            for (int c = 0; c < dimension; c++) out[c] += ar * firstWeights[row + c];
        }
    }

    private void requireDimension(double[] point) {
        if (point.length != dimension) {
            throw new IllegalArgumentException("point has " + point.length + " entries, expected " + dimension);
        }
    }
}

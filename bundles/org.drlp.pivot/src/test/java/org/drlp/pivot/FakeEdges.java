package org.drlp.pivot;

import org.drlp.spi.EdgeView;

/**
 * A hand-made vertex: per edge a slope, whether it improves, its squared length and its line-search
 * improvement; per critical position (edge / 2) a neuron. Like the kernel, it prices lengths and
 * line searches lazily, so asking for them on a non-improving edge is reported as a wasted cost.
 */
final class FakeEdges implements EdgeView {

    final double[] slope;
    final boolean[] improving;
    final double[] normSquared;
    final double[] improvement;
    final int[] neuronAtPosition;

    FakeEdges(double[] slope, boolean[] improving, double[] normSquared, double[] improvement,
              int[] neuronAtPosition) {
        this.slope = slope;
        this.improving = improving;
        this.normSquared = normSquared;
        this.improvement = improvement;
        this.neuronAtPosition = neuronAtPosition;
    }

    /** Edges improving exactly when their slope is negative, unit length, no improvement, neurons 0, 1, ... */
    static FakeEdges ofSlopes(double... slope) {
        boolean[] improving = new boolean[slope.length];
        double[] ones = new double[slope.length], zeros = new double[slope.length];
        for (int e = 0; e < slope.length; e++) {
            improving[e] = slope[e] < 0;
            ones[e] = 1;
        }
        int[] neurons = new int[(slope.length + 1) / 2];
        for (int k = 0; k < neurons.length; k++) neurons[k] = k;
        return new FakeEdges(slope, improving, ones, zeros, neurons);
    }

    @Override
    public int size() {
        return slope.length;
    }

    @Override
    public double slope(int e) {
        return slope[e];
    }

    @Override
    public boolean improving(int e) {
        return improving[e];
    }

    @Override
    public double normSquared(int e) {
        if (!improving[e]) throw new AssertionError("length of non-improving edge " + e + " priced");
        return normSquared[e];
    }

    @Override
    public double improvement(int e) {
        if (!improving[e]) throw new AssertionError("line search on non-improving edge " + e);
        return improvement[e];
    }

    @Override
    public int neuron(int e) {
        return neuronAtPosition[e / 2];
    }

    @Override
    public long iteration() {
        return 0;
    }
}

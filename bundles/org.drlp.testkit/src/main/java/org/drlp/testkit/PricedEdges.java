package org.drlp.testkit;

import java.util.SplittableRandom;

import org.drlp.spi.EdgeView;

/**
 * A priced vertex as the kernel shows it to a pivot rule, made by hand: per edge a slope, whether it
 * improves, a squared length and a line-search improvement, per critical position (edge / 2) a
 * neuron or -1 for a free direction. Public so that a plugin's own tests can build the vertices
 * they need. Asking for a non-improving edge's length or improvement is counted (the kernel prices
 * them lazily, so that is wasted work), not refused.
 */
public final class PricedEdges implements EdgeView {

    private final double[] slope;
    private final boolean[] improving;
    private final double[] normSquared;
    private final double[] improvement;
    private final int[] neuronAtPosition;
    private long iteration;
    private int wastedPricings;

    /**
     * @param neuronAtPosition length {@code slope.length / 2}; -1 for a free coordinate direction
     */
    public PricedEdges(double[] slope, boolean[] improving, double[] normSquared, double[] improvement,
                       int[] neuronAtPosition) {
        int size = slope.length;
        if (size % 2 != 0 || improving.length != size || normSquared.length != size || improvement.length != size
                || neuronAtPosition.length != size / 2) {
            throw new IllegalArgumentException("2n edges and n positions expected, got " + size + " edges and "
                    + neuronAtPosition.length + " positions");
        }
        this.slope = slope.clone();
        this.improving = improving.clone();
        this.normSquared = normSquared.clone();
        this.improvement = improvement.clone();
        this.neuronAtPosition = neuronAtPosition.clone();
    }

    /** Edges improving exactly when their slope is negative, unit length, improvement -slope, neurons 0, 1, ... */
    public static PricedEdges ofSlopes(double... slope) {
        int size = slope.length;
        boolean[] improving = new boolean[size];
        double[] ones = new double[size], improvement = new double[size];
        for (int e = 0; e < size; e++) {
            improving[e] = slope[e] < 0;
            ones[e] = 1;
            improvement[e] = Math.max(0, -slope[e]);
        }
        int[] neurons = new int[size / 2];
        for (int k = 0; k < neurons.length; k++) neurons[k] = k;
        return new PricedEdges(slope, improving, ones, improvement, neurons);
    }

    /**
     * A random vertex with 1 to 8 positions and at least one improving edge: slopes from a small set
     * (ties are common), some negative slopes masked as within tolerance, lengths over six orders of
     * magnitude, some unbounded improvements, some free directions.
     */
    public static PricedEdges random(SplittableRandom random) {
        int positions = 1 + random.nextInt(8), size = 2 * positions;
        double[] slope = new double[size], normSquared = new double[size], improvement = new double[size];
        boolean[] improving = new boolean[size];
        for (int e = 0; e < size; e++) {
            slope[e] = random.nextInt(-4, 3) * Math.pow(10, random.nextInt(-3, 3));
            improving[e] = slope[e] < 0 && random.nextInt(5) > 0;
            normSquared[e] = Math.pow(10, random.nextInt(-3, 4));
            improvement[e] = random.nextInt(8) == 0 ? Double.POSITIVE_INFINITY
                    : improving[e] ? random.nextInt(4) * Math.abs(slope[e]) : 0;
        }
        int forced = random.nextInt(size);
        if (slope[forced] >= 0) slope[forced] = -1;
        improving[forced] = true;
        int[] neurons = random.ints(0, 1000).distinct().limit(positions).toArray();
        for (int k = 0; k < positions; k++) if (random.nextInt(4) == 0) neurons[k] = -1;
        return new PricedEdges(slope, improving, normSquared, improvement, neurons);
    }

    /** Sets the pivot count the view reports. */
    public PricedEdges atIteration(long pivots) {
        iteration = pivots;
        return this;
    }

    /** How often a non-improving edge's length or improvement was asked for. */
    public int wastedPricings() {
        return wastedPricings;
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
        if (!improving[e]) wastedPricings++;
        return normSquared[e];
    }

    @Override
    public double improvement(int e) {
        if (!improving[e]) wastedPricings++;
        return improvement[e];
    }

    @Override
    public int neuron(int e) {
        return neuronAtPosition[e / 2];
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("vertex with ").append(size()).append(" edges: ");
        for (int e = 0; e < size(); e++) {
            if (e > 0) text.append("; ");
            text.append(e).append(improving[e] ? " improving" : "").append(" slope ").append(slope[e])
                    .append(" |d|^2 ").append(normSquared[e]).append(" gain ").append(improvement[e])
                    .append(" neuron ").append(neuron(e));
        }
        return text.toString();
    }
}

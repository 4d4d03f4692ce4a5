package org.drlp.kernel.pricing;

import java.util.Arrays;

import org.drlp.kernel.basis.EdgeDirections;
import org.drlp.spi.EdgeView;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.SeparableProgram;

/**
 * Pricing: the slopes of the 2n edges at the current vertex (the reduced costs; edge 2k is d_k,
 * edge 2k + 1 the other side of position k), each with the tolerance below which it is round-off,
 * and the view of them that the pivot rule and the anti-cycling rule choose from
 * (../../../../../../../../../docs/algorithm.md, sections 4 and 6). Edge norms and look-ahead
 * improvements are computed when a rule asks, once per pricing. No allocation per pivot.
 */
public final class EdgePricing implements EdgeView {

    /** Pricing and the line search must agree on an edge's slope to about this relative accuracy. */
    private static final double SLOPE_TOLERANCE_FACTOR = 100;
    /** Round-off of a sum relative to the magnitude of its terms that slopes may carry. */
    private static final double ROUND_OFF = 1e-14;

    /** What a pivot along an improving edge would gain, by the walk's line search (for rules that look ahead). */
    @FunctionalInterface
    public interface LookAhead {
        double improvement(int edge, double slopeTolerance);
    }

    private final ReluProgram program;
    private final boolean separable;
    /** Separable programs: phi'_high - phi'_low per neuron; null otherwise. */
    private final double[] kink;
    private final EdgeDirections basis;
    private final LookAhead lookAhead;
    private final int n;
    private final double tol;

    private final double[] gradient;
    /**
     * Separable programs: sum_j max(|low_j|, |high_j|) |a_j|, coordinate-wise. The gradient is a sum
     * of such terms, so its round-off, and that of every slope, scales with this, not with |g|.
     */
    private final double[] gradientMagnitude;
    private final double[] slope;
    private final double[] slopeTolerance;
    private final double[] normSquared;
    private final double[] improvement;
    private final double[] edgeWork;
    private long iteration;

    /**
     * @param kink              separable programs' phi'_high - phi'_low per neuron, else null
     * @param gradientMagnitude the gradient's term magnitudes (see the field); general programs: zeros,
     *                          raised to the largest gradient component seen as the walk goes
     */
    public EdgePricing(ReluProgram program, double[] kink, double[] gradientMagnitude, EdgeDirections basis,
                       double tolerance, LookAhead lookAhead) {
        this.program = program;
        this.separable = program instanceof SeparableProgram;
        this.kink = kink;
        this.basis = basis;
        this.lookAhead = lookAhead;
        this.n = program.dimension();
        this.tol = tolerance;
        this.gradient = new double[n];
        this.gradientMagnitude = gradientMagnitude;
        this.slope = new double[2 * n];
        this.slopeTolerance = new double[2 * n];
        this.normSquared = new double[2 * n];
        this.improvement = new double[2 * n];
        this.edgeWork = new double[n];
    }

    /** Prices every edge afresh at the walk's pivot {@code iteration}. */
    public void price(long iteration) {
        this.iteration = iteration;
        program.gradient(gradient);
        if (!separable) {
            // The gradient of a general program is a sum whose terms we cannot see, and a flat
            // direction (a dead unit's weights, say) may mix every coordinate: the largest gradient
            // component seen along the walk bounds the round-off left in any of them.
            double largest = 0;
            for (int i = 0; i < n; i++) largest = Math.max(largest, Math.max(gradientMagnitude[i], Math.abs(gradient[i])));
            Arrays.fill(gradientMagnitude, largest);
        }
        Arrays.fill(normSquared, Double.NaN);
        Arrays.fill(improvement, Double.NaN);
        double[] directions = basis.matrix();
        // Same-side slopes first: the other side of a general program's position combines the
        // same-side slopes of the positions downstream of it (F2).
        for (int k = 0; k < n; k++) {
            int row = k * n;
            double same = 0, magnitude = 0, roundOff = 0;
            for (int i = 0; i < n; i++) {
                double d = directions[row + i];
                double term = gradient[i] * d;
                same += term;
                magnitude += Math.abs(term);
                roundOff += gradientMagnitude[i] * Math.abs(d);
            }
            slope[2 * k] = same;
            slopeTolerance[2 * k] = magnitude;
            slopeTolerance[2 * k + 1] = roundOff;
        }
        for (int k = 0; k < n; k++) {
            double same = slope[2 * k], magnitude = slopeTolerance[2 * k], roundOff = slopeTolerance[2 * k + 1];
            int neuron = basis.critical(k);
            if (neuron < 0) {
                slope[2 * k + 1] = -same;
            } else if (separable) {
                slope[2 * k + 1] = kink[neuron] - same;
                magnitude += Math.abs(kink[neuron]);
            } else {
                double change = basis.collectFlipEffect(k);
                double other = -(same + change);
                magnitude += Math.abs(change);
                for (int q = 0; q < basis.flipCount(); q++) {
                    double term = basis.flipCoefficient(q) * slope[2 * basis.flipPosition(q)];
                    other += term;
                    magnitude += Math.abs(term);
                }
                slope[2 * k + 1] = other;
            }
            double threshold = SLOPE_TOLERANCE_FACTOR * tol * magnitude + ROUND_OFF * roundOff + Double.MIN_NORMAL;
            slopeTolerance[2 * k] = threshold;
            slopeTolerance[2 * k + 1] = threshold;
        }
    }

    /** The gradient array that pricing fills (the program's gradient at the last {@link #price}). */
    public double[] gradient() {
        return gradient;
    }

    /** The gradient's term magnitudes per coordinate (see the field). */
    public double[] gradientMagnitude() {
        return gradientMagnitude;
    }

    /** Round-off tolerance of edge e's slope. */
    public double slopeTolerance(int e) {
        return slopeTolerance[e];
    }

    // ---------------------------------------------------------------- EdgeView

    @Override
    public int size() {
        return 2 * n;
    }

    @Override
    public double slope(int e) {
        return slope[e];
    }

    @Override
    public boolean improving(int e) {
        return slope[e] < -slopeTolerance[e];
    }

    @Override
    public double normSquared(int e) {
        if (Double.isNaN(normSquared[e])) {
            basis.edgeDirection(e, edgeWork);
            double s = 0;
            for (int i = 0; i < n; i++) s += edgeWork[i] * edgeWork[i];
            normSquared[e] = s;
        }
        return normSquared[e];
    }

    @Override
    public double improvement(int e) {
        if (!Double.isNaN(improvement[e])) return improvement[e];
        double value = improving(e) ? lookAhead.improvement(e, slopeTolerance[e]) : 0;
        improvement[e] = value;
        return value;
    }

    @Override
    public int neuron(int e) {
        return Math.max(-1, basis.critical(e / 2));
    }

    @Override
    public long iteration() {
        return iteration;
    }
}

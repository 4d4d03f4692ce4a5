package org.drlp.kernel.linesearch;

import org.drlp.kernel.basis.EdgeDirections;
import org.drlp.spi.LineView;
import org.drlp.spi.ReluProgram;

/**
 * The line along the edge being walked (or looked at), as line searches see it: reads the walk's
 * arrays in place. {@link #bind} points it at a direction and its rates before each search.
 */
public final class EdgeLine implements LineView, FoldedRateFloor, PivotTolerance {

    /** Relative size below which a rate of change along an edge is round-off, not movement. */
    public static final double RATE_EPSILON = 1e-12;

    private final ReluProgram program;
    private final boolean separable;
    private final int[] positionOf;
    private final double[] zTolerance;
    /** Separable programs: phi'_high - phi'_low per neuron; null otherwise. */
    private final double[] kink;
    /** Separable programs: |a_j|, so that a rate is judged zero relative to |a_j| |d|. */
    private final double[] normalNorm;
    private final int m;
    /** A neuron's normal, for {@link #negligiblePivot}. */
    private final double[] normalWork;

    private double[] z;
    private boolean[] high;
    private double[] rates;
    private double[] direction;
    private double slope;
    private double slopeTolerance;
    private double directionNorm;
    /** Whether {@link #negligiblePivot} may answer true on this line (bind sets it). */
    private boolean pivotGuard;
    /** Whether it did since the last bind. */
    private boolean passedNegligible;
    /** Separable: RATE_EPSILON |d| (times |a_j| per neuron); otherwise RATE_EPSILON times the largest rate. */
    private double floor;
    /** General programs: the floor waits for the largest rate (from the line search's pass, or computed on first use). */
    private boolean floorPending;
    private long crossings;

    public EdgeLine(ReluProgram program, int[] positionOf, double[] zTolerance, double[] kink, double[] normalNorm) {
        this.program = program;
        this.separable = kink != null;
        this.positionOf = positionOf;
        this.zTolerance = zTolerance;
        this.kink = kink;
        this.normalNorm = normalNorm;
        this.m = program.neuronCount();
        this.normalWork = new double[program.dimension()];
    }

    /**
     * Points the view at the line with direction {@code direction} (of Euclidean length
     * {@code directionNorm}) and rates {@code rates}, slope {@code slope} at t = 0.
     */
    public EdgeLine bind(double[] direction, double[] rates, double directionNorm, double slope, double slopeTolerance) {
        this.z = program.preactivations();
        this.high = program.highSide();
        this.direction = direction;
        this.rates = rates;
        this.slope = slope;
        this.slopeTolerance = slopeTolerance;
        this.directionNorm = directionNorm;
        this.pivotGuard = true;
        this.passedNegligible = false;
        this.crossings = 0;
        if (separable) {
            floor = RATE_EPSILON * directionNorm;
        } else {
            floorPending = true;
        }
        return this;
    }

    @Override
    public boolean floorPending() {
        return floorPending;
    }

    @Override
    public void largestRate(double max) {
        floor = RATE_EPSILON * max;
        floorPending = false;
    }

    /** The largest |rate| of the non-critical neurons: a pass of its own, when no search supplied it. */
    private void computeFloor() {
        double maxRate = 0;
        for (int j = 0; j < m; j++) {
            if (positionOf[j] < 0) maxRate = Math.max(maxRate, Math.abs(rates[j]));
        }
        largestRate(maxRate);
    }

    @Override
    public boolean negligiblePivot(int j) {
        if (!pivotGuard) return false;
        program.normal(j, normalWork);
        double squared = 0;
        for (double v : normalWork) squared += v * v;
        boolean negligible = Math.abs(rates[j]) <= EdgeDirections.PIVOT_EPSILON * Math.sqrt(squared) * directionNorm;
        passedNegligible |= negligible;
        return negligible;
    }

    /** Whether a search on this line passed a neuron by as a negligible pivot since the last bind. */
    public boolean passedNegligible() {
        return passedNegligible;
    }

    /**
     * Turns the pivot tolerance off until the next bind: for a second search along a line that the
     * first found unblocked only because it passed every blocker by (a direction that is flat but for
     * round-off, whose slope priced as improving), so that the walk stops at a blocker as it would
     * without the tolerance instead of claiming an unbounded edge.
     */
    public EdgeLine withoutPivotGuard() {
        pivotGuard = false;
        return this;
    }

    /** Neurons crossed since the last {@link #bind}. */
    public long crossings() {
        return crossings;
    }

    @Override
    public int neurons() {
        return m;
    }

    @Override
    public boolean critical(int j) {
        return positionOf[j] >= 0;
    }

    @Override
    public double rate(int j) {
        return high[j] ? rates[j] : -rates[j];
    }

    @Override
    public double distance(int j) {
        return Math.max(0, high[j] ? z[j] : -z[j]);
    }

    @Override
    public double tolerance(int j) {
        return zTolerance[j];
    }

    @Override
    public double rateFloor(int j) {
        if (separable) return floor * normalNorm[j];
        if (floorPending) computeFloor();
        return floor;
    }

    @Override
    public double kink(int j) {
        return separable ? kink[j] : Double.NaN;
    }

    @Override
    public double slope() {
        return slope;
    }

    @Override
    public double slopeTolerance() {
        return slopeTolerance;
    }

    @Override
    public boolean separable() {
        return separable;
    }

    @Override
    public ReluProgram program() {
        return program;
    }

    @Override
    public double[] direction() {
        return direction;
    }

    @Override
    public double[] rates() {
        return rates;
    }

    @Override
    public void cross(int j) {
        program.flip(j);
        crossings++;
    }
}

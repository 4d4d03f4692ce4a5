package org.drlp.kernel;

import org.drlp.spi.SeparableProgram;

/**
 * A separable program in scaled coordinates u, with x = S u for a diagonal S of powers of two: the
 * walk sees normals S a_j whose columns are of one size, however different the user's columns are
 * (a feature of 1e12 beside an intercept). The preactivations, the objective, the slopes and the
 * neurons' sides are those of the program itself, unchanged; powers of two make x = S u and every
 * product S a_j exact, so the program computes exactly what it would on a scaled copy of its data.
 * The walk's absolute and relative thresholds (pivots, rates, singular bases) then meet normals
 * near 1. No allocation per call: one work vector.
 */
final class ColumnScaledProgram implements SeparableProgram {

    private final SeparableProgram program;
    private final double[] scale;
    private final double[] work;
    private final double[] u;

    private ColumnScaledProgram(SeparableProgram program, double[] scale) {
        this.program = program;
        this.scale = scale;
        this.work = new double[scale.length];
        this.u = new double[scale.length];
    }

    /**
     * The program scaled so that every column's largest |a_jc| is in [1, 2), or the program itself
     * when no column needs it (every scale would be 1). Columns that are zero in every normal keep
     * the scale 1.
     */
    static SeparableProgram of(SeparableProgram program) {
        int n = program.dimension();
        double[] largest = new double[n];
        double[] normal = new double[n];
        for (int j = 0; j < program.neuronCount(); j++) {
            program.normal(j, normal);
            for (int c = 0; c < n; c++) largest[c] = Math.max(largest[c], Math.abs(normal[c]));
        }
        double[] scale = new double[n];
        boolean any = false;
        for (int c = 0; c < n; c++) {
            scale[c] = largest[c] > 0 && Double.isFinite(largest[c]) ? powerOfTwoInverse(largest[c]) : 1;
            any |= scale[c] != 1;
        }
        return any ? new ColumnScaledProgram(program, scale) : program;
    }

    /** 2^-e with 2^e <= value < 2^(e+1), within the normal range (so that S and S^-1 are exact). */
    private static double powerOfTwoInverse(double value) {
        int exponent = Math.max(Double.MIN_EXPONENT + 1, Math.min(Double.MAX_EXPONENT - 1, Math.getExponent(value)));
        return Math.scalb(1.0, -exponent);
    }

    /** x = S u, into a new array. */
    double[] toProgramCoordinates(double[] scaledPoint) {
        double[] x = new double[scale.length];
        for (int c = 0; c < x.length; c++) x[c] = scale[c] * scaledPoint[c];
        return x;
    }

    /** u = S^-1 x, into a new array. */
    double[] toScaledCoordinates(double[] x) {
        double[] scaled = new double[scale.length];
        for (int c = 0; c < scaled.length; c++) scaled[c] = x[c] / scale[c];
        return scaled;
    }

    /** The program in the user's coordinates. */
    SeparableProgram unscaled() {
        return program;
    }

    private double[] scaled(double[] v) {
        for (int c = 0; c < work.length; c++) work[c] = scale[c] * v[c];
        return work;
    }

    private void scaleInPlace(double[] out) {
        for (int c = 0; c < scale.length; c++) out[c] *= scale[c];
    }

    @Override
    public int dimension() {
        return program.dimension();
    }

    @Override
    public int neuronCount() {
        return program.neuronCount();
    }

    @Override
    public void reset(double[] start) {
        for (int c = 0; c < work.length; c++) work[c] = scale[c] * start[c];
        program.reset(work);
    }

    @Override
    public double[] point() {
        double[] x = program.point();
        for (int c = 0; c < u.length; c++) u[c] = x[c] / scale[c];
        return u;
    }

    @Override
    public double[] preactivations() {
        return program.preactivations();
    }

    @Override
    public boolean[] highSide() {
        return program.highSide();
    }

    @Override
    public double value() {
        return program.value();
    }

    @Override
    public void gradient(double[] out) {
        program.gradient(out);
        scaleInPlace(out);
    }

    @Override
    public double directional(double[] v, double[] dz) {
        return program.directional(scaled(v), dz);
    }

    @Override
    public void normal(int j, double[] out) {
        program.normal(j, out);
        scaleInPlace(out);
    }

    @Override
    public double flipEffect(int k, double[] v, FlipSink sink) {
        return program.flipEffect(k, scaled(v), sink);
    }

    @Override
    public void flip(int k) {
        program.flip(k);
    }

    @Override
    public boolean exactFlips() {
        return program.exactFlips();
    }

    @Override
    public void advance(double t, double[] v, double[] dz) {
        program.advance(t, scaled(v), dz);
    }

    @Override
    public void refresh() {
        program.refresh();
    }

    @Override
    public double scale(int j) {
        return program.scale(j);
    }

    @Override
    public boolean isConvex() {
        return program.isConvex();
    }

    @Override
    public double lowSlope(int j) {
        return program.lowSlope(j);
    }

    @Override
    public double highSlope(int j) {
        return program.highSlope(j);
    }

    @Override
    public void stationarity(double[] lambda, double[] out) {
        program.stationarity(lambda, out);
        scaleInPlace(out);
    }

    @Override
    public int rowCount() {
        return program.rowCount();
    }

    @Override
    public int neuronsPerRow() {
        return program.neuronsPerRow();
    }

    @Override
    public SeparableProgram restrict(int[] keep, boolean[] sides) {
        return new ColumnScaledProgram(program.restrict(keep, sides), scale);
    }
}

package org.drlp.model.linear;

import org.drlp.spi.SeparableProgram;

/**
 * A regression program that starts lying after a number of pivots, as a numerically broken model
 * would: its value, or its gradient (consistently in {@link #gradient} and {@link #directional}),
 * is off by a perturbation. The data-based {@link #stationarity} stays true.
 */
final class DriftingProgram implements SeparableProgram {

    enum Mode { VALUE, GRADIENT }

    private final PiecewiseLinearRegression delegate;
    private final Mode mode;
    private final int pivotsBeforeDrift;
    private final double valueOffset;
    private final double[] gradientOffset;
    private int advances;
    /** When set, the drift ends at the first {@link #refresh} after it began, as a cache rebuilt from the data. */
    private boolean healsOnRefresh;
    private boolean healed;

    /**
     * @param valueOffset     added to value() once drifting (Mode.VALUE)
     * @param gradientOffset  added to the gradient once drifting (Mode.GRADIENT)
     */
    DriftingProgram(PiecewiseLinearRegression delegate, Mode mode, int pivotsBeforeDrift, double valueOffset,
                    double[] gradientOffset) {
        this.delegate = delegate;
        this.mode = mode;
        this.pivotsBeforeDrift = pivotsBeforeDrift;
        this.valueOffset = valueOffset;
        this.gradientOffset = gradientOffset;
    }

    DriftingProgram healingOnRefresh() {
        healsOnRefresh = true;
        return this;
    }

    boolean drifting() {
        return advances >= pivotsBeforeDrift && !healed;
    }

    @Override
    public double value() {
        return delegate.value() + (mode == Mode.VALUE && drifting() ? valueOffset : 0);
    }

    @Override
    public void gradient(double[] out) {
        delegate.gradient(out);
        if (mode == Mode.GRADIENT && drifting()) for (int i = 0; i < out.length; i++) out[i] += gradientOffset[i];
    }

    @Override
    public double directional(double[] v, double[] dz) {
        double gv = delegate.directional(v, dz);
        if (mode == Mode.GRADIENT && drifting()) for (int i = 0; i < v.length; i++) gv += gradientOffset[i] * v[i];
        return gv;
    }

    @Override
    public void advance(double t, double[] v, double[] dz) {
        advances++;
        delegate.advance(t, v, dz);
    }

    @Override public int dimension() { return delegate.dimension(); }
    @Override public int neuronCount() { return delegate.neuronCount(); }
    @Override public void reset(double[] x) { delegate.reset(x); }
    @Override public double[] point() { return delegate.point(); }
    @Override public double[] preactivations() { return delegate.preactivations(); }
    @Override public boolean[] highSide() { return delegate.highSide(); }
    @Override public void normal(int j, double[] out) { delegate.normal(j, out); }
    @Override public double flipEffect(int k, double[] v, FlipSink sink) { return delegate.flipEffect(k, v, sink); }
    @Override public void flip(int k) { delegate.flip(k); }
    @Override
    public void refresh() {
        healed |= healsOnRefresh && drifting();
        delegate.refresh();
    }
    @Override public double scale(int j) { return delegate.scale(j); }
    @Override public boolean isConvex() { return delegate.isConvex(); }
    @Override public double lowSlope(int j) { return delegate.lowSlope(j); }
    @Override public double highSlope(int j) { return delegate.highSlope(j); }
    @Override public void stationarity(double[] lambda, double[] out) { delegate.stationarity(lambda, out); }
}

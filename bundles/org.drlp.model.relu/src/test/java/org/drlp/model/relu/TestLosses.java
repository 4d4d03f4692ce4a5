package org.drlp.model.relu;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.drlp.spi.PiecewiseLinearLoss;

/** Losses for the tests, each with its value written directly (not from the hinges). */
final class TestLosses {

    private TestLosses() {
    }

    static PiecewiseLinearLoss of(List<PiecewiseLinearLoss.Kink> kinks, DoubleUnaryOperator value) {
        return new PiecewiseLinearLoss() {
            @Override
            public List<Kink> kinks() {
                return kinks;
            }

            @Override
            public double value(double residual) {
                return value.applyAsDouble(residual);
            }
        };
    }

    static PiecewiseLinearLoss absolute() {
        return of(List.of(new PiecewiseLinearLoss.Kink(0, -1, 1)), Math::abs);
    }

    static PiecewiseLinearLoss quantile(double tau) {
        return of(List.of(new PiecewiseLinearLoss.Kink(0, tau - 1, tau)), r -> Math.max(tau * r, (tau - 1) * r));
    }

    static PiecewiseLinearLoss epsilonInsensitive(double eps) {
        return of(List.of(new PiecewiseLinearLoss.Kink(-eps, -1, 0), new PiecewiseLinearLoss.Kink(eps, 0, 1)),
                r -> Math.max(0, Math.abs(r) - eps));
    }

    /** Non-convex: 0 below 0, r on [0, 1], 1 above. */
    static PiecewiseLinearLoss ramp() {
        return of(List.of(new PiecewiseLinearLoss.Kink(0, 0, 1), new PiecewiseLinearLoss.Kink(1, 0, -1)),
                r -> Math.min(Math.max(r, 0), 1));
    }

    static List<PiecewiseLinearLoss> all() {
        return List.of(absolute(), quantile(0.8), epsilonInsensitive(0.5), ramp());
    }
}

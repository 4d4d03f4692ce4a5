package org.drlp.testkit;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.drlp.spi.PiecewiseLinearLoss;
import org.junit.jupiter.api.Test;

class LossContractTest {

    static PiecewiseLinearLoss loss(List<PiecewiseLinearLoss.Kink> kinks, DoubleUnaryOperator value, Boolean convex) {
        return new PiecewiseLinearLoss() {
            @Override
            public List<Kink> kinks() {
                return kinks;
            }

            @Override
            public double value(double residual) {
                return value.applyAsDouble(residual);
            }

            @Override
            public boolean isConvex() {
                return convex == null ? PiecewiseLinearLoss.super.isConvex() : convex;
            }
        };
    }

    @Test
    void correctLossesPass() {
        LossContract.check("absolute", loss(List.of(new PiecewiseLinearLoss.Kink(0, -1, 1)), Math::abs, null));
        // epsilon-insensitive with epsilon 0: two kinks at one place
        LossContract.check("epsilon 0", loss(List.of(new PiecewiseLinearLoss.Kink(0, 0, 1),
                new PiecewiseLinearLoss.Kink(0, -1, 0)), Math::abs, null));
        // a non-convex ramp, honestly declared
        LossContract.check("ramp", loss(List.of(new PiecewiseLinearLoss.Kink(0, 0, 1), new PiecewiseLinearLoss.Kink(1, 0, -1)),
                z -> Math.max(0, Math.min(z, 1)), null));
    }

    @Test
    void aLossWhoseValueDisagreesWithItsHingesIsCaught() {
        Broken.caught(() -> LossContract.check("doubled", loss(List.of(new PiecewiseLinearLoss.Kink(0, -1, 1)),
                z -> 2 * Math.abs(z), null)), "doubled", "but its hinges sum to");
    }

    @Test
    void aLossWhoseSlopesAreOffIsCaught() {
        // the kinks of the quantile loss at tau 0.3, the value of tau 0.4
        Broken.caught(() -> LossContract.check("off slopes", loss(List.of(new PiecewiseLinearLoss.Kink(0, -0.3, 0.7)),
                z -> z < 0 ? -0.4 * z : 0.6 * z, null)), "off slopes", "by finite differences of value", "by the kinks");
    }

    @Test
    void aLossClaimingConvexityWithAConcaveKinkIsCaught() {
        Broken.caught(() -> LossContract.check("ramp", loss(List.of(new PiecewiseLinearLoss.Kink(0, 0, 1),
                        new PiecewiseLinearLoss.Kink(1, 0, -1)), z -> Math.max(0, Math.min(z, 1)), true)),
                "isConvex() is true but its kinks' slopes say not convex");
    }

    @Test
    void aKinkPlacedWrongIsCaught() {
        // the hinge claims its kink at 0, the value has it at 0.5
        Broken.caught(() -> LossContract.check("shifted", loss(List.of(new PiecewiseLinearLoss.Kink(0, -1, 1)),
                z -> Math.abs(z - 0.5), null)), "shifted");
    }
}

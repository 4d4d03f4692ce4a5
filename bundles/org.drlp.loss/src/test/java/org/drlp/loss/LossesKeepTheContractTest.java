package org.drlp.loss;

import java.util.Map;

import org.drlp.testkit.LossContract;
import org.junit.jupiter.api.Test;

/** The shipped losses against the plugin contract test kit, across their parameter ranges. */
class LossesKeepTheContractTest {

    @Test
    void everyShippedLossKeepsTheLossContract() {
        LossContract.check(new AbsoluteLoss());
        for (double tau : new double[] {1e-6, 0.1, 0.5, 0.9, 0.999999}) {
            LossContract.check(new QuantileLoss(), Map.of("tau", tau));
        }
        for (double epsilon : new double[] {0, 1e-9, 0.5, 3, 1e6}) {
            LossContract.check(new EpsilonInsensitiveLoss(), Map.of("epsilon", epsilon));
        }
    }
}

package org.drlp.model.linear;

import java.io.IOException;
import java.util.Map;

import org.drlp.testkit.ModelContract;
import org.junit.jupiter.api.Test;

/**
 * The linear model against the plugin contract test kit: its program's values, rates, normals and
 * flip effects, and the walk ending OPTIMAL at the LP oracle's minimum on random data.
 */
class LinearModelKeepsTheContractTest {

    @Test
    void theLinearModelKeepsTheModelContractWithEveryShippedLoss() throws IOException {
        for (RealPlugins.Loss loss : RealPlugins.Loss.values()) {
            ModelContract.checkOnRandomData(new LinearModelProvider(), Map.of(), loss.create(1), 6);
        }
        ModelContract.checkOnRandomData(new LinearModelProvider(), Map.of("intercept", false),
                RealPlugins.Loss.ABSOLUTE.create(1), 6);
    }
}

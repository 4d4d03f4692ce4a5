package org.drlp.model.relu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.drlp.testkit.ModelContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network models against the plugin contract test kit: the programs of a deep network (argmin)
 * and of one layer's training, whose flips change the rates of downstream neurons.
 */
class ReluModelsKeepTheContractTest {

    @TempDir
    Path dir;

    @Test
    void layerTrainingKeepsTheModelContractForEveryLayer() throws IOException {
        PaperSetup setup = PaperSetup.create(12, 5);
        setup.network().write(dir.resolve("net.json"));
        for (int layer = 1; layer <= 4; layer++) {
            ModelContract.check(new ReluLayerModel(), Map.of("network", "net.json", "layer", layer), dir, setup.data(),
                    TestLosses.absolute());
        }
    }

    /** A network's minimum over all inputs is often unbounded below: the walk may end UNBOUNDED. */
    @Test
    void argminKeepsTheModelContract() throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            PaperSetup setup = PaperSetup.create(1, seed);
            setup.network().write(dir.resolve("net.json"));
            ModelContract.check(new ReluArgminModel(), Map.of("network", "net.json"), dir, null, null, true);
        }
    }
}

package org.drlp.model.relu;

import java.util.List;
import java.util.SplittableRandom;

import org.drlp.spi.Dataset;

/**
 * The paper's first-layer training set-up (L1Layer1Training): a random net with d_in = 4, hidden
 * widths [5, 4, 2], weights and biases U(-1, 1); N points X ~ U(-3, 3)^4, y ~ U(-3, 3).
 */
record PaperSetup(Network network, Dataset data) {

    static PaperSetup create(int points, long seed) {
        Network network = Network.random(4, new int[] {5, 4, 2}, -1, 1, seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        double[] x = Oracle.uniform(random, points * 4, -3, 3);
        double[] y = Oracle.uniform(random, points, -3, 3);
        Dataset data = new Dataset("paper set-up, seed " + seed, List.of("x1", "x2", "x3", "x4"), "y", points, x, y);
        return new PaperSetup(network, data);
    }

    /** A random start for training layer l: U(-20, 20) for the first layer, U(-2, 2) deeper. */
    double[] randomStart(int layer, long seed) {
        double range = layer == 1 ? 20 : 2;
        return Oracle.uniform(new SplittableRandom(seed), network.layerParameterCount(layer), -range, range);
    }

    double[] inputs() {
        return data.features();
    }

    double[] targets() {
        return data.target();
    }
}

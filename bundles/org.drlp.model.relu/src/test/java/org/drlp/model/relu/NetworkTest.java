package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class NetworkTest {

    /** x in R^2, hidden [2], W1 = [[1, -1], [2, 0.5]], b1 = [0, -1], W2 = [[3, -2]], b2 = [0.5]. */
    static Network tiny() {
        return new Network(2, new double[][] {{1, -1, 2, 0.5}, {3, -2}}, new double[][] {{0, -1}, {0.5}});
    }

    @Test
    void tinyNetworkByHand() {
        Network net = tiny();
        // z1 = (1 - 2, 2 + 1 - 1) = (-1, 2): h = (0, 2); F = -4 + 0.5
        assertEquals(-3.5, net.evaluate(new double[] {1, 2}), 0);
        // z1 = (2, 6.5 - 1) = (2, 5.5): F = 6 - 11 + 0.5
        assertEquals(-4.5, net.evaluate(new double[] {3, 1}), 0);
        assertArrayEquals(new double[] {0, 2}, net.activations(new double[] {1, 2}, 1), 0);
        assertArrayEquals(new double[] {1, 2}, net.activations(new double[] {1, 2}, 0), 0);
    }

    @Test
    void twoHiddenLayersByHand() {
        // 1 -> [2] -> [1] -> out: z1 = (x, -x), z2 = h1 + h2 - 1, F = 2 h2' - 3
        Network net = new Network(1, new double[][] {{1, -1}, {1, 1}, {2}}, new double[][] {{0, 0}, {-1}, {-3}});
        assertEquals(2 * (2.5 - 1) - 3, net.evaluate(new double[] {2.5}), 0);
        assertEquals(2 * (4 - 1) - 3, net.evaluate(new double[] {-4}), 0);
        assertEquals(-3, net.evaluate(new double[] {0.5}), 0); // z2 = -0.5: dead
        assertEquals(2, net.hiddenLayers());
        assertEquals(1, net.width(3));
    }

    @Test
    void affineNetworkWithoutHiddenLayers() {
        Network net = new Network(3, new double[][] {{1, 2, 3}}, new double[][] {{-1}});
        assertEquals(1 + 4 + 9 - 1, net.evaluate(new double[] {1, 2, 3}), 0);
        assertEquals(0, net.hiddenLayers());
    }

    @Test
    void randomIsSeededUniformAndShaped() {
        Network a = Network.random(4, new int[] {5, 4, 2}, -1, 1, 7);
        Network b = Network.random(4, new int[] {5, 4, 2}, -1, 1, 7);
        Network c = Network.random(4, new int[] {5, 4, 2}, -1, 1, 8);
        assertEquals(3, a.hiddenLayers());
        int[] widths = {4, 5, 4, 2, 1};
        for (int l = 0; l < widths.length; l++) assertEquals(widths[l], a.width(l));
        boolean differs = false;
        for (int l = 1; l <= 4; l++) {
            assertArrayEquals(a.layerParameters(l), b.layerParameters(l), 0);
            differs |= !Arrays.equals(a.layerParameters(l), c.layerParameters(l));
            for (double v : a.layerParameters(l)) assertTrue(v >= -1 && v < 1);
        }
        assertTrue(differs);
        Network wide = Network.random(2, new int[] {50}, 3, 4, 1);
        for (double v : wide.layerParameters(1)) assertTrue(v >= 3 && v < 4);
    }

    @Test
    void layerParametersAreNeuronByNeuron() {
        Network net = tiny();
        assertArrayEquals(new double[] {1, -1, 0, 2, 0.5, -1}, net.layerParameters(1), 0);
        assertArrayEquals(new double[] {3, -2, 0.5}, net.layerParameters(2), 0);
        Network changed = net.withLayerParameters(1, new double[] {1, 1, 1, 0, 0, 0});
        // z1 = (1 + 2 + 1, 0) at x = (1, 2): h = (4, 0), F = 12.5
        assertEquals(12.5, changed.evaluate(new double[] {1, 2}), 0);
        assertArrayEquals(net.layerParameters(2), changed.layerParameters(2), 0);
        assertEquals(-3.5, net.evaluate(new double[] {1, 2}), 0); // the original is unchanged
    }

    @Test
    void rejectsBadShapesAndValues() {
        assertThrows(IllegalArgumentException.class,
                () -> new Network(2, new double[][] {{1, 2, 3}}, new double[][] {{0}}));
        assertThrows(IllegalArgumentException.class,
                () -> new Network(1, new double[][] {{1, 2}}, new double[][] {{0, 0}})); // two outputs
        assertThrows(IllegalArgumentException.class,
                () -> new Network(1, new double[][] {{Double.NaN}}, new double[][] {{0}}));
        assertThrows(IllegalArgumentException.class, () -> tiny().withLayerParameters(3, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> tiny().withLayerParameters(1, new double[5]));
        assertEquals(1, tiny().hiddenLayers());
    }
}

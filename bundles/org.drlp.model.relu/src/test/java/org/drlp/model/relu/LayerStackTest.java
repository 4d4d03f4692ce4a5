package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The stack's one-entry shortcuts give the bits of the full passes they stand in for. */
class LayerStackTest {

    /** Stacks of 1, 2 and 3 hidden layers (training layer 3, 2, 1 of a 3-hidden-layer network), random patterns. */
    @Test
    void oneNeuronRateAndOneBaseAdjointAreTheFullPassesEntries() {
        SplittableRandom random = new SplittableRandom(11);
        Network net = Network.random(5, new int[] {7, 6, 9}, -1, 1, 3);
        int compared = 0;
        for (int first = 1; first <= 3; first++) {
            LayerStack stack = new LayerStack(net, first);
            int neurons = stack.neurons(), off = 4;
            double[] dz = new double[off + neurons];
            double[] adjoint = new double[stack.baseWidth()];
            boolean[] high = new boolean[off + neurons];
            for (int trial = 0; trial < 200; trial++) {
                double[] dBase = new double[stack.baseWidth()];
                for (int k = 0; k < dBase.length; k++) dBase[k] = random.nextDouble(-3, 3) * Math.pow(10, random.nextInt(-8, 8));
                for (int j = 0; j < high.length; j++) high[j] = random.nextInt(3) > 0;
                stack.forwardDirection(dBase, dz, off, high, off);
                stack.outputAdjoint(high, off, adjoint);
                for (int local = 0; local < neurons; local++) {
                    assertEquals(Double.doubleToRawLongBits(dz[off + local]),
                            Double.doubleToRawLongBits(stack.neuronDirection(local, dBase, high, off)),
                            "rate of neuron " + local + ", stack from layer " + first);
                    compared++;
                }
                for (int unit = 0; unit < adjoint.length; unit++) {
                    assertEquals(Double.doubleToRawLongBits(adjoint[unit]),
                            Double.doubleToRawLongBits(stack.baseAdjoint(unit, high, off)),
                            "adjoint of base unit " + unit + ", stack from layer " + first);
                }
            }
        }
        assertEquals(200 * (22 + 15 + 9), compared);
    }
}

package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ArgminProgramTest {

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(2, new int[] {10, 10, 10, 10, 10}, 1L),
                Arguments.of(4, new int[] {5, 4, 2}, 2L),
                Arguments.of(1, new int[] {50, 10, 10}, 3L),
                Arguments.of(3, new int[] {6}, 4L),
                Arguments.of(3, new int[] {}, 5L));
    }

    private static final double TOL = 1e-9;

    @ParameterizedTest
    @MethodSource("networks")
    void valueAndPreactivationsMatchThePlainNetwork(int d, int[] widths, long seed) {
        Network net = Network.random(d, widths, -1, 1, seed);
        ArgminProgram program = new ArgminProgram(net);
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = Oracle.uniform(random, d, -20, 20);
            program.reset(x);
            double[] expected = Oracle.preactivations(net, x, Integer.MAX_VALUE, null, 0);
            assertEquals(net.evaluate(x), program.value(), TOL * (1 + Math.abs(net.evaluate(x))));
            assertEquals(expected[expected.length - 1], net.evaluate(x), 1e-12 * (1 + Math.abs(net.evaluate(x))));
            for (int j = 0; j < program.neuronCount(); j++) {
                assertEquals(expected[j], program.preactivations()[j], TOL * (1 + Math.abs(expected[j])));
                assertEquals(program.preactivations()[j] > 0, program.highSide()[j]);
            }
            assertArrayEquals(x, program.point(), 0);
        }
    }

    /** f(x) = g.x + const on the region: finite differences with a step that keeps the pattern. */
    @ParameterizedTest
    @MethodSource("networks")
    void gradientAndDirectionalMatchFiniteDifferencesInTheRegion(int d, int[] widths, long seed) {
        Network net = Network.random(d, widths, -1, 1, seed);
        ArgminProgram program = new ArgminProgram(net);
        SplittableRandom random = new SplittableRandom(seed + 100);
        double[] g = new double[d];
        double[] dz = new double[program.neuronCount()];
        int checked = 0;
        for (int trial = 0; trial < 30; trial++) {
            double[] x = Oracle.uniform(random, d, -5, 5);
            double[] v = Oracle.uniform(random, d, -1, 1);
            program.reset(x);
            double t = stepInsideRegion(net, x, v);
            if (t == 0) continue;
            checked++;
            double[] moved = plus(x, t, v);
            double fd = (net.evaluate(moved) - net.evaluate(x)) / t;
            program.gradient(g);
            double gv = program.directional(v, dz);
            double scale = 1 + Oracle.maxAbs(g) * Oracle.maxAbs(v);
            assertEquals(fd, Oracle.dot(g, v), 1e-6 * scale);
            assertEquals(Oracle.dot(g, v), gv, 1e-12 * scale);
            double[] z0 = Oracle.preactivations(net, x, 1, program.highSide(), 0);
            double[] z1 = Oracle.preactivations(net, moved, 1, program.highSide(), 0);
            for (int j = 0; j < dz.length; j++) {
                assertEquals((z1[j] - z0[j]) / t, dz[j], 1e-6 * (1 + Math.abs(dz[j])));
            }
        }
        assertTrue(checked >= 10, "too few trials stayed inside a region: " + checked);
    }

    /** Under a forced (arbitrary) pattern f_s is affine: one unit step differences are exact up to rounding. */
    @ParameterizedTest
    @MethodSource("networks")
    void directionalIsExactUnderAnyCarriedPattern(int d, int[] widths, long seed) {
        Network net = Network.random(d, widths, -1, 1, seed);
        ArgminProgram program = new ArgminProgram(net);
        SplittableRandom random = new SplittableRandom(seed + 200);
        double[] g = new double[d];
        double[] dz = new double[program.neuronCount()];
        double[] nu = new double[d];
        for (int trial = 0; trial < 10; trial++) {
            double[] x = Oracle.uniform(random, d, -3, 3);
            program.reset(x);
            for (int j = 0; j < program.neuronCount(); j++) {
                if (random.nextBoolean()) program.flip(j);
            }
            double[] v = Oracle.uniform(random, d, -1, 1);
            double gv = program.directional(v, dz);
            program.gradient(g);
            double[] z0 = Oracle.preactivations(net, x, 1, program.highSide(), 0);
            double[] z1 = Oracle.preactivations(net, plus(x, 1, v), 1, program.highSide(), 0);
            double scale = 1 + Oracle.maxAbs(z0) + Oracle.maxAbs(z1);
            assertEquals(z1[z1.length - 1] - z0[z0.length - 1], gv, 1e-10 * scale);
            assertEquals(gv, Oracle.dot(g, v), 1e-10 * scale);
            assertEquals(z0[z0.length - 1], program.value(), 1e-10 * scale);
            for (int j = 0; j < dz.length; j++) {
                assertEquals(z1[j] - z0[j], dz[j], 1e-10 * scale);
                assertEquals(z0[j], program.preactivations()[j], 1e-10 * scale);
                program.normal(j, nu);
                assertEquals(dz[j], Oracle.dot(nu, v), 1e-10 * scale);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("networks")
    void flipEffectPredictsFlipThenDirectionalAndFlipBackRestores(int d, int[] widths, long seed) {
        Network net = Network.random(d, widths, -1, 1, seed);
        ArgminProgram program = new ArgminProgram(net);
        SplittableRandom random = new SplittableRandom(seed + 300);
        int m = program.neuronCount();
        double[] dz0 = new double[m], dz1 = new double[m];
        double[] g0 = new double[d], g1 = new double[d];
        for (int trial = 0; trial < 3; trial++) {
            program.reset(Oracle.uniform(random, d, -3, 3));
            double[] v = Oracle.uniform(random, d, -1, 1);
            for (int k = 0; k < m; k++) {
                double gv0 = program.directional(v, dz0);
                program.gradient(g0);
                double[] z0 = program.preactivations().clone();
                boolean[] s0 = program.highSide().clone();
                double f0 = program.value();
                Map<Integer, Double> reported = new HashMap<>();
                double predicted = program.flipEffect(k, v, (neuron, change) -> {
                    assertTrue(reported.put(neuron, change) == null, "reported twice: " + neuron);
                });
                assertArrayEquals(z0, program.preactivations(), 0);   // flipEffect changes nothing
                assertArrayEquals(s0, program.highSide());

                program.flip(k);
                assertEquals(!s0[k], program.highSide()[k]);
                double gv1 = program.directional(v, dz1);
                double scale = 1 + Oracle.maxAbs(dz0) + Math.abs(gv0);
                assertEquals(gv1 - gv0, predicted, 1e-12 * scale);
                for (int j = 0; j < m; j++) {
                    double change = reported.getOrDefault(j, 0.0);
                    assertEquals(dz1[j] - dz0[j], change, 1e-12 * scale, "neuron " + j + " after flipping " + k);
                    if (reported.containsKey(j)) assertTrue(j > k, "reported an upstream neuron");
                }
                program.flip(k);
                assertArrayEquals(s0, program.highSide());
                program.gradient(g1);
                assertArrayEquals(g0, g1, 1e-12 * scale);
                assertEquals(f0, program.value(), 1e-12 * (1 + Math.abs(f0)));
                for (int j = 0; j < m; j++) assertEquals(z0[j], program.preactivations()[j], 1e-12 * (1 + Oracle.maxAbs(z0)));
            }
        }
    }

    /** Flip keeps z equal to the preactivations under the new pattern (it carries z_k's round-off downstream). */
    @ParameterizedTest
    @MethodSource("networks")
    void flipKeepsPreactivationsConsistentWithRefresh(int d, int[] widths, long seed) {
        Network net = Network.random(d, widths, -1, 1, seed);
        ArgminProgram program = new ArgminProgram(net);
        assertTrue(program.exactFlips(), "the kernel's line search relies on this at z_k far from zero");
        SplittableRandom random = new SplittableRandom(seed + 400);
        program.reset(Oracle.uniform(random, d, -3, 3));
        for (int k = 0; k < program.neuronCount(); k += 3) program.flip(k);
        double[] carried = program.preactivations().clone();
        double value = program.value();
        program.refresh();
        double scale = 1 + Oracle.maxAbs(carried);
        for (int j = 0; j < carried.length; j++) assertEquals(carried[j], program.preactivations()[j], 1e-12 * scale);
        assertEquals(value, program.value(), 1e-12 * scale);
    }

    @ParameterizedTest
    @MethodSource("networks")
    void advanceThenRefreshAgree(int d, int[] widths, long seed) {
        Network net = Network.random(d, widths, -1, 1, seed);
        ArgminProgram program = new ArgminProgram(net);
        SplittableRandom random = new SplittableRandom(seed + 500);
        double[] x = Oracle.uniform(random, d, -3, 3);
        program.reset(x);
        double[] dz = new double[program.neuronCount()];
        double[] expectedX = x.clone();
        for (int step = 0; step < 50; step++) {
            double[] v = Oracle.uniform(random, d, -1, 1);
            double t = random.nextDouble(0, 2);
            program.directional(v, dz);
            program.advance(t, v, dz);
            for (int i = 0; i < d; i++) expectedX[i] += t * v[i];
        }
        assertArrayEquals(expectedX, program.point(), 1e-12);
        double[] carried = program.preactivations().clone();
        double value = program.value();
        program.refresh();
        double scale = 1 + Oracle.maxAbs(carried);
        for (int j = 0; j < carried.length; j++) assertEquals(carried[j], program.preactivations()[j], 1e-11 * scale);
        assertEquals(value, program.value(), 1e-11 * scale);
        double[] exact = Oracle.preactivations(net, program.point(), 1, program.highSide(), 0);
        for (int j = 0; j < carried.length; j++) assertEquals(exact[j], program.preactivations()[j], 1e-11 * scale);
    }

    @Test
    void scaleOfAFirstLayerUnitIsItsTermMagnitudes() {
        Network net = NetworkTest.tiny();
        ArgminProgram program = new ArgminProgram(net);
        program.reset(new double[] {1, -2});
        assertEquals(1 * 1 + 1 * 2 + 0, program.scale(0), 0);
        assertEquals(2 * 1 + 0.5 * 2 + 1, program.scale(1), 0);
    }

    @Test
    void scaleOfDeeperUnitsUsesOutputsOfTheLayerBelow() {
        // z1 = (x, -x), z2 = h1 + 2 h2 - 1
        Network net = new Network(1, new double[][] {{1, -1}, {1, 2}, {1}}, new double[][] {{0, 0}, {-1}, {0}});
        ArgminProgram program = new ArgminProgram(net);
        program.reset(new double[] {-3});
        assertEquals(2 * 3 + 1, program.scale(2), 0);
        assertEquals(5, program.preactivations()[2], 0);
    }

    @Test
    void boundaryStartIsLowSideAndDeadUnitsGiveNoNaN() {
        // unit 1 sits at z = 0 at x = 0; unit 2 is dead everywhere near 0 (bias -100, zero weights)
        Network net = new Network(2, new double[][] {{1, 1, 0, 0, 1, -1}, {1, 1, 1}, {-2}},
                new double[][] {{0, -100, 0}, {0}, {0.25}});
        ArgminProgram program = new ArgminProgram(net);
        program.reset(new double[] {0, 0});
        boolean[] high = program.highSide();
        double[] z = program.preactivations();
        for (int j = 0; j < z.length; j++) {
            assertFalse(Double.isNaN(z[j]));
            if (z[j] <= 0) assertFalse(high[j], "neuron " + j + " at z = " + z[j] + " must be on the low side");
        }
        assertEquals(0, z[0], 0);
        assertEquals(0, z[3], 0); // second layer sees only zeros
        double[] g = new double[2];
        program.gradient(g);
        assertArrayEquals(new double[] {0, 0}, g, 0);
        double[] nu = new double[2];
        program.normal(3, nu);
        assertArrayEquals(new double[] {0, 0}, nu, 0);
        program.normal(1, nu);
        assertArrayEquals(new double[] {0, 0}, nu, 0); // zero row
        for (int j = 0; j < z.length; j++) assertTrue(Double.isFinite(program.scale(j)));
        assertEquals(0.25, program.value(), 0);
        program.flip(0);
        program.gradient(g);
        assertArrayEquals(new double[] {0, 0}, g, 0); // the second layer's unit is still on its low side
        program.flip(3);
        program.gradient(g);
        assertArrayEquals(new double[] {-2, -2}, g, 0);
        assertEquals(0.25, program.value(), 0);
    }

    @Test
    void convexityIsRecognisedOnlyWithNonNegativeDeepWeights() {
        Network mixed = Network.random(3, new int[] {4, 4}, -1, 1, 9);
        assertFalse(new ArgminProgram(mixed).isConvex());
        Network positive = Network.random(3, new int[] {4, 4}, 0, 1, 9);
        double[][] w = {mixedFirstLayer(), positive.weights(2), positive.weights(3)};
        double[][] b = {positive.biases(1), positive.biases(2), positive.biases(3)};
        Network convex = new Network(3, w, b);
        assertTrue(new ArgminProgram(convex).isConvex());
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 200; trial++) {
            double[] a = Oracle.uniform(random, 3, -5, 5), c = Oracle.uniform(random, 3, -5, 5);
            double[] mid = plus(a, 1, c);
            for (int i = 0; i < 3; i++) mid[i] /= 2;
            assertTrue(convex.evaluate(mid) <= (convex.evaluate(a) + convex.evaluate(c)) / 2 + 1e-12);
        }
        assertTrue(new ArgminProgram(new Network(2, new double[][] {{1, -1}}, new double[][] {{0}})).isConvex());
    }

    private static double[] mixedFirstLayer() {
        return Oracle.uniform(new SplittableRandom(2), 12, -1, 1);
    }

    /** A step along v small enough that no preactivation changes sign (by the plain network), or 0. */
    static double stepInsideRegion(Network net, double[] x, double[] v) {
        boolean[] s = Oracle.signs(net, x);
        for (double t = 1e-3; t > 1e-9; t /= 4) {
            if (Arrays.equals(s, Oracle.signs(net, plus(x, t, v)))
                    && Arrays.equals(s, Oracle.signs(net, plus(x, t / 2, v)))) {
                return t;
            }
        }
        return 0;
    }

    static double[] plus(double[] x, double t, double[] v) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) y[i] += t * v[i];
        return y;
    }
}

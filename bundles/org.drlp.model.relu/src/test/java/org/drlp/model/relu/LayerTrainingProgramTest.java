package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.drlp.spi.PiecewiseLinearLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LayerTrainingProgramTest {

    /** Every layer of the paper's net and of two other shapes, with every test loss. */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        int[][] shapes = {{5, 4, 2}, {3}, {6, 3, 4, 2}};
        int[] inputs = {4, 2, 3};
        for (int s = 0; s < shapes.length; s++) {
            for (int layer = 1; layer <= shapes[s].length + 1; layer++) {
                int lossIndex = 0;
                for (PiecewiseLinearLoss loss : TestLosses.all()) {
                    cases.add(Arguments.of(new Fixture(inputs[s], shapes[s], layer, loss, 25, 31L * s + layer),
                            "shape " + s + " layer " + layer + " loss " + lossIndex++));
                }
            }
        }
        return cases.stream();
    }

    /** A network, data and loss, and the program training one layer, with the oracle's views of a branch. */
    record Fixture(Network net, int layer, PiecewiseLinearLoss loss, double[] x, double[] y, long seed) {

        Fixture(int d, int[] widths, int layer, PiecewiseLinearLoss loss, int points, long seed) {
            this(Network.random(d, widths, -1, 1, seed), layer, loss,
                    Oracle.uniform(new SplittableRandom(seed + 1), points * d, -3, 3),
                    Oracle.uniform(new SplittableRandom(seed + 2), points, -3, 3), seed);
        }

        LayerTrainingProgram program() {
            return new LayerTrainingProgram(net, layer, x, y, loss);
        }

        int points() {
            return y.length;
        }

        double[] input(int i) {
            return Oracle.row(x, i, net.inputDimension());
        }

        double[] randomTheta(SplittableRandom random, double range) {
            return Oracle.uniform(random, net.layerParameterCount(layer), -range, range);
        }

        /** oracle 10: sum_i loss(F(x_i; theta) - y_i) with the plain network, layer l set to theta. */
        double loss(double[] theta) {
            Network trained = net.withLayerParameters(layer, theta);
            double sum = 0;
            for (int i = 0; i < points(); i++) sum += loss.value(trained.evaluate(input(i)) - y[i]);
            return sum;
        }

        /** Branch i's preactivations under the program's sides: layers l..L, then one per kink. */
        double[] branch(LayerTrainingProgram p, double[] theta, int i) {
            Network trained = net.withLayerParameters(layer, theta);
            int off = i * p.branchSize();
            double[] all = Oracle.preactivations(trained, input(i), layer, p.highSide(), off);
            int skip = 0;
            for (int l = 1; l < layer; l++) skip += net.width(l);
            double[] out = new double[p.branchSize()];
            System.arraycopy(all, skip, out, 0, p.hiddenPerBranch());
            List<PiecewiseLinearLoss.Kink> kinks = loss.kinks();
            for (int q = 0; q < kinks.size(); q++) {
                out[p.hiddenPerBranch() + q] = all[all.length - 1] - y[i] - kinks.get(q).at();
            }
            return out;
        }

        /** The program's objective with every side (hidden and kink) forced as the program carries it. */
        double forcedValue(LayerTrainingProgram p, double[] theta) {
            double sum = 0;
            List<PiecewiseLinearLoss.Kink> kinks = loss.kinks();
            for (int i = 0; i < points(); i++) {
                double[] z = branch(p, theta, i);
                for (int q = 0; q < kinks.size(); q++) {
                    int local = p.hiddenPerBranch() + q;
                    boolean high = p.highSide()[i * p.branchSize() + local];
                    sum += (high ? kinks.get(q).highSlope() : kinks.get(q).lowSlope()) * z[local];
                }
            }
            return sum;
        }

        @Override
        public String toString() {
            return "fixture(seed " + seed + ")";
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void valueAndPreactivationsMatchThePlainNetwork(Fixture f, String name) {
        LayerTrainingProgram p = f.program();
        SplittableRandom random = new SplittableRandom(f.seed());
        for (int trial = 0; trial < 4; trial++) {
            double[] theta = trial == 0 ? f.net().layerParameters(f.layer()) : f.randomTheta(random, 5);
            p.reset(theta);
            double expected = f.loss(theta);
            assertEquals(expected, p.value(), 1e-10 * (1 + Math.abs(expected)));
            for (int i = 0; i < f.points(); i++) {
                double[] z = f.branch(p, theta, i);
                for (int local = 0; local < z.length; local++) {
                    int j = i * p.branchSize() + local;
                    assertEquals(z[local], p.preactivations()[j], 1e-10 * (1 + Math.abs(z[local])));
                    assertEquals(p.preactivations()[j] > 0, p.highSide()[j]);
                }
            }
        }
        assertEquals(f.points() * p.branchSize(), p.neuronCount());
        assertEquals(f.net().layerParameterCount(f.layer()), p.dimension());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void gradientAndDirectionalMatchFiniteDifferencesInTheRegion(Fixture f, String name) {
        LayerTrainingProgram p = f.program();
        SplittableRandom random = new SplittableRandom(f.seed() + 10);
        int n = p.dimension();
        double[] g = new double[n];
        double[] dz = new double[p.neuronCount()];
        double[] expectedZ = new double[p.neuronCount()];
        int checked = 0;
        for (int trial = 0; trial < 10; trial++) {
            double[] theta = f.randomTheta(random, 3);
            double[] v = f.randomTheta(random, 1);
            p.reset(theta);
            boolean[] sides = p.highSide().clone();
            double t = 1e-4;
            double[] moved = ArgminProgramTest.plus(theta, t, v);
            p.reset(moved);
            boolean same = java.util.Arrays.equals(sides, p.highSide());
            p.reset(theta);
            if (!same) continue;
            checked++;
            double fd = (f.loss(moved) - f.loss(theta)) / t;
            p.gradient(g);
            double gv = p.directional(v, dz);
            double scale = 1 + Math.abs(gv) + Oracle.maxAbs(g);
            assertEquals(fd, Oracle.dot(g, v), 1e-5 * scale);
            assertEquals(Oracle.dot(g, v), gv, 1e-10 * scale);
            for (int i = 0; i < f.points(); i++) {
                double[] z0 = f.branch(p, theta, i), z1 = f.branch(p, moved, i);
                for (int local = 0; local < z0.length; local++) {
                    expectedZ[i * p.branchSize() + local] = (z1[local] - z0[local]) / t;
                }
            }
            for (int j = 0; j < dz.length; j++) assertEquals(expectedZ[j], dz[j], 1e-5 * (1 + Math.abs(dz[j])));
        }
        assertTrue(checked >= 1, "no trial stayed inside its region");
    }

    /** Under any carried pattern the objective is affine in theta: unit-step differences are exact up to rounding. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void algebraIsExactUnderAnyCarriedPattern(Fixture f, String name) {
        LayerTrainingProgram p = f.program();
        SplittableRandom random = new SplittableRandom(f.seed() + 20);
        int n = p.dimension();
        double[] g = new double[n];
        double[] nu = new double[n];
        double[] dz = new double[p.neuronCount()];
        double[] theta = f.randomTheta(random, 3);
        p.reset(theta);
        for (int j = 0; j < p.neuronCount(); j++) {
            if (random.nextInt(3) == 0) p.flip(j);
        }
        double[] v = f.randomTheta(random, 1);
        double gv = p.directional(v, dz);
        p.gradient(g);
        double f0 = f.forcedValue(p, theta), f1 = f.forcedValue(p, ArgminProgramTest.plus(theta, 1, v));
        double scale = 1 + Math.abs(f0) + Math.abs(f1);
        assertEquals(f1 - f0, gv, 1e-10 * scale);
        assertEquals(gv, Oracle.dot(g, v), 1e-10 * scale);
        assertEquals(f0, p.value(), 1e-10 * scale);
        for (int i = 0; i < f.points(); i++) {
            double[] z0 = f.branch(p, theta, i), z1 = f.branch(p, ArgminProgramTest.plus(theta, 1, v), i);
            for (int local = 0; local < z0.length; local++) {
                int j = i * p.branchSize() + local;
                double s = 1 + Math.abs(z0[local]) + Math.abs(z1[local]);
                assertEquals(z0[local], p.preactivations()[j], 1e-10 * s);
                assertEquals(z1[local] - z0[local], dz[j], 1e-10 * s);
                p.normal(j, nu);
                assertEquals(dz[j], Oracle.dot(nu, v), 1e-10 * s);
            }
        }
        // the incrementally kept gradient equals a recomputation from scratch
        double[] recomputed = new double[n];
        p.refresh();
        p.gradient(recomputed);
        assertArrayEquals(recomputed, g, 1e-10 * (1 + Oracle.maxAbs(g)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void flipEffectPredictsFlipThenDirectionalAndFlipBackRestores(Fixture f, String name) {
        LayerTrainingProgram p = f.program();
        SplittableRandom random = new SplittableRandom(f.seed() + 30);
        int m = p.neuronCount(), n = p.dimension();
        double[] dz0 = new double[m], dz1 = new double[m];
        double[] g0 = new double[n], g1 = new double[n];
        p.reset(f.randomTheta(random, 3));
        double[] v = f.randomTheta(random, 1);
        for (int k = 0; k < m; k++) {
            double gv0 = p.directional(v, dz0);
            p.gradient(g0);
            double[] z0 = p.preactivations().clone();
            boolean[] s0 = p.highSide().clone();
            double f0 = p.value();
            Map<Integer, Double> reported = new HashMap<>();
            int branch = k / p.branchSize();
            double predicted = p.flipEffect(k, v, (neuron, change) -> {
                assertTrue(reported.put(neuron, change) == null, "reported twice: " + neuron);
                assertEquals(branch, neuron / p.branchSize(), "reported a neuron of another branch");
            });
            assertArrayEquals(z0, p.preactivations(), 0);
            assertArrayEquals(s0, p.highSide());

            p.flip(k);
            double gv1 = p.directional(v, dz1);
            double scale = 1 + Oracle.maxAbs(dz0) + Math.abs(gv0);
            assertEquals(gv1 - gv0, predicted, 1e-12 * scale, "g.v change of flipping " + k);
            for (int j = branch * p.branchSize(); j < (branch + 1) * p.branchSize(); j++) {
                assertEquals(dz1[j] - dz0[j], reported.getOrDefault(j, 0.0), 1e-12 * scale,
                        "neuron " + j + " after flipping " + k);
            }
            for (int j = 0; j < m; j++) {
                if (j / p.branchSize() != branch) assertEquals(dz0[j], dz1[j], 0, "other branch changed");
            }
            p.flip(k);
            assertArrayEquals(s0, p.highSide());
            p.gradient(g1);
            assertArrayEquals(g0, g1, 1e-12 * (1 + Oracle.maxAbs(g0)));
            assertEquals(f0, p.value(), 1e-12 * (1 + Math.abs(f0)));
            for (int j = 0; j < m; j++) assertEquals(z0[j], p.preactivations()[j], 1e-12 * (1 + Math.abs(z0[j])));
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void advanceThenRefreshAgree(Fixture f, String name) {
        LayerTrainingProgram p = f.program();
        // flips at random neurons, z_k far from zero: what exactFlips promises the line search
        assertTrue(p.exactFlips());
        SplittableRandom random = new SplittableRandom(f.seed() + 40);
        double[] theta = f.randomTheta(random, 3);
        p.reset(theta);
        double[] dz = new double[p.neuronCount()];
        double[] g = new double[p.dimension()], recomputed = new double[p.dimension()];
        for (int step = 0; step < 20; step++) {
            double[] v = f.randomTheta(random, 1);
            double t = random.nextDouble(0, 1);
            p.directional(v, dz);
            p.advance(t, v, dz);
            for (int c = 0; c < theta.length; c++) theta[c] += t * v[c];
            p.flip(random.nextInt(p.neuronCount()));
        }
        assertArrayEquals(theta, p.point(), 1e-12);
        double[] carried = p.preactivations().clone();
        double value = p.value();
        p.gradient(g);
        p.refresh();
        p.gradient(recomputed);
        double scale = 1 + Oracle.maxAbs(carried);
        for (int j = 0; j < carried.length; j++) assertEquals(carried[j], p.preactivations()[j], 1e-11 * scale);
        assertEquals(value, p.value(), 1e-11 * (scale + Math.abs(value)));
        assertArrayEquals(recomputed, g, 1e-11 * (1 + Oracle.maxAbs(g)));
        assertEquals(f.forcedValue(p, theta), p.value(), 1e-10 * (scale + Math.abs(value)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void scalesAreFiniteAndBoundPreactivations(Fixture f, String name) {
        LayerTrainingProgram p = f.program();
        p.reset(f.randomTheta(new SplittableRandom(f.seed() + 50), 3));
        for (int j = 0; j < p.neuronCount(); j++) {
            double s = p.scale(j);
            assertTrue(Double.isFinite(s) && s >= 0);
            assertTrue(Math.abs(p.preactivations()[j]) <= s * (1 + 1e-12), "scale below |z| at " + j);
        }
    }

    /** Oracle 11: training the output layer is regression on the features h_L(x_i) with an intercept. */
    @Test
    void lastLayerTrainingIsLadOnTheFeatures() {
        PaperSetup setup = PaperSetup.create(200, 5);
        Network net = setup.network();
        LayerTrainingProgram p = new LayerTrainingProgram(net, 4, setup.inputs(), setup.targets(), TestLosses.absolute());
        assertEquals(0, p.hiddenPerBranch());
        assertEquals(3, p.dimension());
        assertTrue(p.isConvex());
        SplittableRandom random = new SplittableRandom(3);
        double[] g = new double[3];
        for (int trial = 0; trial < 10; trial++) {
            double[] beta = Oracle.uniform(random, 3, -5, 5);
            p.reset(beta);
            double lad = 0;
            double[] expectedGradient = new double[3];
            for (int i = 0; i < 200; i++) {
                double[] h = net.activations(Oracle.row(setup.inputs(), i, 4), 3);
                double r = beta[0] * h[0] + beta[1] * h[1] + beta[2] - setup.targets()[i];
                lad += Math.abs(r);
                double sign = r > 0 ? 1 : -1;
                expectedGradient[0] += sign * h[0];
                expectedGradient[1] += sign * h[1];
                expectedGradient[2] += sign;
            }
            assertEquals(lad, p.value(), 1e-10 * lad);
            p.gradient(g);
            assertArrayEquals(expectedGradient, g, 1e-10 * 200);
        }
        assertFalse(new LayerTrainingProgram(net, 4, setup.inputs(), setup.targets(), TestLosses.ramp()).isConvex());
        assertFalse(new LayerTrainingProgram(net, 3, setup.inputs(), setup.targets(), TestLosses.absolute()).isConvex());
    }

    @Test
    void duplicatedPointsDoubleEverything() {
        PaperSetup setup = PaperSetup.create(40, 6);
        double[] x2 = new double[80 * 4], y2 = new double[80];
        for (int copy = 0; copy < 2; copy++) {
            System.arraycopy(setup.inputs(), 0, x2, copy * 160, 160);
            System.arraycopy(setup.targets(), 0, y2, copy * 40, 40);
        }
        LayerTrainingProgram single = new LayerTrainingProgram(setup.network(), 1, setup.inputs(), setup.targets(),
                TestLosses.absolute());
        LayerTrainingProgram doubled = new LayerTrainingProgram(setup.network(), 1, x2, y2, TestLosses.absolute());
        double[] theta = Oracle.uniform(new SplittableRandom(1), 25, -2, 2);
        single.reset(theta);
        doubled.reset(theta);
        assertEquals(2 * single.value(), doubled.value(), 1e-10 * single.value());
        double[] g1 = new double[25], g2 = new double[25];
        single.gradient(g1);
        doubled.gradient(g2);
        for (int c = 0; c < 25; c++) assertEquals(2 * g1[c], g2[c], 1e-10 * (1 + Math.abs(g2[c])));
    }

    /** theta = 0 puts every first-layer unit exactly on its boundary: low side, no NaN anywhere. */
    @Test
    void boundaryStartDeadUnitsAndZeroRowsGiveNoNaN() {
        PaperSetup setup = PaperSetup.create(30, 7);
        double[] x = setup.inputs().clone();
        java.util.Arrays.fill(x, 0, 4, 0); // a zero input row
        LayerTrainingProgram p = new LayerTrainingProgram(setup.network(), 1, x, setup.targets(), TestLosses.absolute());
        p.reset(new double[25]);
        double[] g = new double[25], nu = new double[25], dz = new double[p.neuronCount()];
        for (int i = 0; i < 30; i++) {
            for (int k = 0; k < 5; k++) {
                int j = i * p.branchSize() + k;
                assertEquals(0, p.preactivations()[j], 0);
                assertFalse(p.highSide()[j]);
            }
        }
        for (int j = 0; j < p.neuronCount(); j++) {
            double z = p.preactivations()[j];
            assertFalse(Double.isNaN(z));
            if (z <= 0) assertFalse(p.highSide()[j]);
            p.normal(j, nu);
            for (double c : nu) assertTrue(Double.isFinite(c));
            assertTrue(Double.isFinite(p.scale(j)));
        }
        // every first-layer unit dead: theta does not matter, g = 0, the objective is flat
        p.gradient(g);
        assertArrayEquals(new double[25], g, 0);
        double gv = p.directional(Oracle.uniform(new SplittableRandom(2), 25, -1, 1), dz);
        assertEquals(0, gv, 0);
        assertTrue(Double.isFinite(p.value()));
        assertEquals(new Fixture(setup.network(), 1, TestLosses.absolute(), x, setup.targets(), 0).loss(new double[25]),
                p.value(), 1e-10);
    }

    /**
     * flipEffect on a branch depends only on that branch: the same answers with 2000 or 20000
     * points and with another branch's data changed, and about the same time per call.
     */
    @Test
    void flipEffectTouchesOnlyItsBranch() {
        PaperSetup big = PaperSetup.create(20000, 8);
        double[] xSmall = java.util.Arrays.copyOf(big.inputs(), 2000 * 4);
        double[] ySmall = java.util.Arrays.copyOf(big.targets(), 2000);
        double[] xChanged = xSmall.clone(), yChanged = ySmall.clone();
        for (int c = 4; c < 8; c++) xChanged[c] += 1.5;        // branch 1's data
        yChanged[1] += 2;
        LayerTrainingProgram small = new LayerTrainingProgram(big.network(), 1, xSmall, ySmall, TestLosses.absolute());
        LayerTrainingProgram large = new LayerTrainingProgram(big.network(), 1, big.inputs(), big.targets(),
                TestLosses.absolute());
        LayerTrainingProgram changed = new LayerTrainingProgram(big.network(), 1, xChanged, yChanged, TestLosses.absolute());
        double[] theta = Oracle.uniform(new SplittableRandom(4), 25, -2, 2);
        double[] v = Oracle.uniform(new SplittableRandom(5), 25, -1, 1);
        small.reset(theta);
        large.reset(theta);
        changed.reset(theta);
        int b = small.branchSize();
        for (int k = 0; k < b; k++) {
            for (int i : new int[] {0, 2, 1999}) {
                int j = i * b + k;
                List<double[]> a = new ArrayList<>(), c = new ArrayList<>(), d = new ArrayList<>();
                double ra = small.flipEffect(j, v, (m, ch) -> a.add(new double[] {m, ch}));
                double rc = large.flipEffect(j, v, (m, ch) -> c.add(new double[] {m, ch}));
                double rd = changed.flipEffect(j, v, (m, ch) -> d.add(new double[] {m, ch}));
                assertEquals(ra, rc, 0);
                assertEquals(ra, rd, 0);
                assertEquals(a.size(), c.size());
                assertEquals(a.size(), d.size());
                for (int r = 0; r < a.size(); r++) {
                    assertArrayEquals(a.get(r), c.get(r), 0);
                    assertArrayEquals(a.get(r), d.get(r), 0);
                    assertEquals(i, (int) a.get(r)[0] / b);
                }
            }
        }
        double smallNanos = nanosPerFlipEffect(small, v), largeNanos = nanosPerFlipEffect(large, v);
        assertTrue(largeNanos < 5 * smallNanos + 2000,
                "flipEffect took " + largeNanos + " ns with N = 20000 against " + smallNanos + " ns with N = 2000");
    }

    private static double nanosPerFlipEffect(LayerTrainingProgram p, double[] v) {
        ReluProgramSink sink = new ReluProgramSink();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            long start = System.nanoTime();
            int calls = 20000;
            for (int c = 0; c < calls; c++) p.flipEffect((c * 7919) % 2000 * p.branchSize() + c % 5, v, sink);
            best = Math.min(best, (System.nanoTime() - start) / (double) calls);
        }
        return best;
    }

    private static final class ReluProgramSink implements org.drlp.spi.ReluProgram.FlipSink {
        double sum;

        @Override
        public void accept(int neuron, double change) {
            sum += change;
        }
    }
}

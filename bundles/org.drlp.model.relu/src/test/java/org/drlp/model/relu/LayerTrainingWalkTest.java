package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.model.linear.PiecewiseLinearRegression;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PivotRule;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The kernel training one layer: monotone, state equal to recomputation at every step, a local minimum at the end. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LayerTrainingWalkTest {

    static Stream<Arguments> walks() {
        List<Arguments> cases = new ArrayList<>();
        PivotRule[] rules = {Pivots.DANTZIG, Pivots.STEEPEST};
        PiecewiseLinearLoss[] losses = {TestLosses.absolute(), TestLosses.quantile(0.8), TestLosses.epsilonInsensitive(0.5)};
        for (int layer = 1; layer <= 4; layer++) {
            for (int r = 0; r < rules.length; r++) {
                for (int l = 0; l < losses.length; l++) {
                    cases.add(Arguments.of(layer, rules[r], losses[l], 100L * layer + 10 * r + l,
                            "layer " + layer + (r == 0 ? " dantzig" : " steepest") + " loss " + l));
                }
            }
        }
        return cases.stream();
    }

    private static final AtomicInteger WALKS = new AtomicInteger();
    private static final AtomicInteger CERTIFIED = new AtomicInteger();

    /**
     * Exact state and monotone objective at every step hold on every walk, and the certified end
     * point passes the finite-difference and perturbation checks.
     */
    @ParameterizedTest(name = "{4}")
    @MethodSource("walks")
    void walkIsMonotoneExactAndEndsAtALocalMinimum(int layer, PivotRule rule, PiecewiseLinearLoss loss, long seed,
                                                    String name) {
        PaperSetup setup = PaperSetup.create(40, seed);
        Network net = setup.network();
        WalkChecks checks = new WalkChecks(
                () -> new LayerTrainingProgram(net, layer, setup.inputs(), setup.targets(), loss),
                theta -> plainLoss(net, layer, theta, setup, loss));
        SplittableRandom random = new SplittableRandom(seed);
        double range = layer == 1 ? 20 : 2;
        double[] start = Oracle.uniform(random, net.layerParameterCount(layer), -range, range);
        SolveResult result = checks.solve(start, rule, true);
        checks.assertMonotone();
        assertTrue(result.iterations() > 0);
        assertTrue(result.objective() < plainLoss(net, layer, start, setup, loss), "the walk lowered the loss");
        assertTrue(KERNEL_END_STATES.contains(result.status()), result.status() + ": " + result.message());
        WALKS.incrementAndGet();
        if (!result.status().isCertified()) return;
        CERTIFIED.incrementAndGet();
        assertEquals(layer == 4 ? SolveStatus.OPTIMAL : SolveStatus.LOCAL_MINIMUM, result.status());
        checks.assertLocalMinimum(result, random);
    }

    /** A training loss is bounded below, so every walk ends certified. */
    static final Set<SolveStatus> KERNEL_END_STATES = EnumSet.of(SolveStatus.OPTIMAL, SolveStatus.LOCAL_MINIMUM);

    /** Runs after the parameterized walks (method order): all of them ended certified. */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyWalkEndsCertified() {
        if (WALKS.get() == 0) return; // run alone
        assertEquals(WALKS.get(), CERTIFIED.get(), CERTIFIED + " of " + WALKS + " walks ended certified");
    }

    /** The paper's set-up at its size: N = 500, theta0 ~ U(-20, 20)^25, absolute loss. */
    @Test
    void paperFirstLayerSetUp() {
        PaperSetup setup = PaperSetup.create(500, 2011);
        Network net = setup.network();
        PiecewiseLinearLoss loss = TestLosses.absolute();
        WalkChecks checks = new WalkChecks(
                () -> new LayerTrainingProgram(net, 1, setup.inputs(), setup.targets(), loss),
                theta -> plainLoss(net, 1, theta, setup, loss));
        SplittableRandom random = new SplittableRandom(14);
        double[] start = Oracle.uniform(random, 25, -20, 20);
        SolveResult result = checks.solve(start, Pivots.DANTZIG, false);
        checks.assertMonotone();
        assertTrue(KERNEL_END_STATES.contains(result.status()), result.status() + ": " + result.message());
        assertTrue(result.objective() < 0.8 * plainLoss(net, 1, start, setup, loss));
        if (result.status().isCertified()) checks.assertLocalMinimum(result, random);
    }

    /** Oracle 11: training the output layer is LAD on the last hidden layer's outputs with an intercept. */
    @Test
    void lastLayerTrainingEqualsLadOnTheFeatures() {
        for (long seed = 1; seed <= 5; seed++) {
            PaperSetup setup = PaperSetup.create(150, seed);
            Network net = setup.network();
            for (PiecewiseLinearLoss loss : List.of(TestLosses.absolute(), TestLosses.quantile(0.3))) {
                LayerTrainingProgram training = new LayerTrainingProgram(net, 4, setup.inputs(), setup.targets(), loss);
                SolveResult ours = new VertexWalkSolver().solve(training, new double[3], Pivots.DANTZIG,
                        SolverOptions.defaults(), null);
                double[] design = new double[150 * 3];
                for (int i = 0; i < 150; i++) {
                    double[] h = net.activations(Oracle.row(setup.inputs(), i, 4), 3);
                    design[i * 3] = h[0];
                    design[i * 3 + 1] = h[1];
                    design[i * 3 + 2] = 1;
                }
                PiecewiseLinearRegression lad = new PiecewiseLinearRegression(design, setup.targets().clone(), 3, loss);
                SolveResult reference = new VertexWalkSolver().solve(lad, new double[3], Pivots.DANTZIG,
                        SolverOptions.defaults(), null);
                assertEquals(SolveStatus.OPTIMAL, ours.status(), ours.message());
                assertEquals(SolveStatus.OPTIMAL, reference.status(), reference.message());
                double scale = 1 + Math.abs(reference.objective());
                assertEquals(reference.objective(), ours.objective(), 1e-9 * scale);
                lad.reset(ours.point());
                assertEquals(lad.value(), ours.objective(), 1e-9 * scale, "the regression's loss at our point");
            }
        }
    }

    /**
     * Degenerate data and starts: every point twice, a first-layer unit dead on all data, a zero
     * input row, and theta = 0 (every first-layer unit on its boundary). No crash, no cycling, monotone.
     */
    @Test
    void degenerateCasesStayMonotoneAndExact() {
        PaperSetup base = PaperSetup.create(30, 77);
        double[] x = new double[60 * 4], y = new double[60];
        for (int copy = 0; copy < 2; copy++) {
            System.arraycopy(base.inputs(), 0, x, copy * 120, 120);
            System.arraycopy(base.targets(), 0, y, copy * 30, 30);
        }
        java.util.Arrays.fill(x, 0, 4, 0);
        Network net = base.network();
        PiecewiseLinearLoss loss = TestLosses.absolute();
        PaperSetup doubled = new PaperSetup(net, new org.drlp.spi.Dataset("doubled", List.of("a", "b", "c", "d"), "y",
                60, x, y));
        for (int layer = 1; layer <= 3; layer++) {
            int n = net.layerParameterCount(layer);
            int stride = net.width(layer - 1) + 1;
            double[] zero = new double[n];
            double[] dead = Oracle.uniform(new SplittableRandom(layer), n, -2, 2);
            for (int c = 0; c < stride - 1; c++) dead[c] = 0;
            dead[stride - 1] = -100; // unit 1 of the layer is dead on every point
            for (double[] start : List.of(zero, dead)) {
                int trainedLayer = layer;
                WalkChecks checks = new WalkChecks(
                        () -> new LayerTrainingProgram(net, trainedLayer, x, y, loss),
                        theta -> plainLoss(net, trainedLayer, theta, doubled, loss));
                SolveResult result = checks.solve(start, Pivots.DANTZIG, true);
                checks.assertMonotone();
                assertTrue(KERNEL_END_STATES.contains(result.status()), result.status() + ": " + result.message());
                if (result.status().isCertified()) checks.assertLocalMinimum(result, new SplittableRandom(layer));
            }
        }
    }

    /** sum_i loss(F(x_i) - y_i) of the plain network with the layer set to theta. */
    static double plainLoss(Network net, int layer, double[] theta, PaperSetup setup, PiecewiseLinearLoss loss) {
        Network trained = net.withLayerParameters(layer, theta);
        int d = net.inputDimension();
        double sum = 0;
        for (int i = 0; i < setup.targets().length; i++) {
            sum += loss.value(trained.evaluate(Oracle.row(setup.inputs(), i, d)) - setup.targets()[i]);
        }
        return sum;
    }
}

package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.kernel.ShippedStrategies;
import org.drlp.spi.PiecewiseLinearLoss;
import org.junit.jupiter.api.Test;

/**
 * The ReLU-network walks (training one layer of the paper's network, and minimising a network over
 * its input) with every line search that applies to them (harris, crossing and auto; the weighted
 * median is for separable programs only), under each anti-cycling rule: every walk keeps its state
 * equal to a recomputation at every step, never raises the objective, and ends certified at a point
 * that passes the finite-difference and perturbation checks (an argmin may instead be unbounded);
 * the weighted median refuses such a program, naming itself.
 */
class ReluWalkLineSearchesTest {

    private static final String[][] STRATEGIES = {
            {"harris", "bland-after"}, {"crossing", "bland-after"}, {"auto", "bland-after"},
            {"harris", "random-after"}, {"crossing", "none"}};

    @Test
    void everyApplicableLineSearchTrainsEachLayerMonotoneAndCertified() {
        PiecewiseLinearLoss[] losses = {TestLosses.absolute(), TestLosses.quantile(0.8)};
        int certified = 0;
        for (int layer = 1; layer <= 4; layer++) {
            for (int l = 0; l < losses.length; l++) {
                long seed = 700L + 10 * layer + l;
                PaperSetup setup = PaperSetup.create(30, seed);
                Network net = setup.network();
                PiecewiseLinearLoss loss = losses[l];
                int trained = layer;
                double range = layer == 1 ? 20 : 2;
                double[] start = Oracle.uniform(new SplittableRandom(seed), net.layerParameterCount(layer), -range, range);
                for (String[] strategies : STRATEGIES) {
                    String context = "layer " + layer + " loss " + l + " " + String.join("/", strategies);
                    WalkChecks checks = new WalkChecks(
                            () -> new LayerTrainingProgram(net, trained, setup.inputs(), setup.targets(), loss),
                            theta -> LayerTrainingWalkTest.plainLoss(net, trained, theta, setup, loss));
                    SolverOptions options = SolverOptions.defaults()
                            .withStrategy(ShippedStrategies.choice("lineSearch", strategies[0], Map.of()))
                            .withStrategy(ShippedStrategies.choice("antiCycling", strategies[1], Map.of()));
                    SolveResult result = checks.solve(start.clone(), Pivots.STEEPEST, options, true);
                    checks.assertMonotone();
                    assertTrue(result.status().isCertified(), context + ": " + result.status() + " " + result.message());
                    assertEquals(layer == 4 ? SolveStatus.OPTIMAL : SolveStatus.LOCAL_MINIMUM, result.status(), context);
                    assertTrue(result.objective() < LayerTrainingWalkTest.plainLoss(net, layer, start, setup, loss),
                            context + ": the walk lowered the loss");
                    checks.assertLocalMinimum(result, new SplittableRandom(seed));
                    certified++;
                }
            }
        }
        assertEquals(4 * losses.length * STRATEGIES.length, certified);
    }

    @Test
    void everyApplicableLineSearchMinimisesDeepNetworksMonotoneAndCertified() {
        int[] minima = new int[STRATEGIES.length];
        for (long seed = 1; seed <= 12; seed++) {
            Network net = Network.random(2, new int[] {10, 10, 10, 10, 10}, -1, 1, seed);
            double[] start = Oracle.uniform(new SplittableRandom(seed), 2, -20, 20);
            for (int s = 0; s < STRATEGIES.length; s++) {
                String[] strategies = STRATEGIES[s];
                String context = "seed " + seed + " " + String.join("/", strategies);
                WalkChecks checks = new WalkChecks(() -> new ArgminProgram(net), net::evaluate);
                SolverOptions options = SolverOptions.defaults()
                        .withStrategy(ShippedStrategies.choice("lineSearch", strategies[0], Map.of()))
                        .withStrategy(ShippedStrategies.choice("antiCycling", strategies[1], Map.of()));
                SolveResult result = checks.solve(start.clone(), seed % 2 == 0 ? Pivots.DANTZIG : Pivots.STEEPEST,
                        options, true);
                checks.assertMonotone();
                assertTrue(ArgminWalkTest.ARGMIN_END_STATES.contains(result.status()),
                        context + ": " + result.status() + " " + result.message());
                if (result.status() != SolveStatus.LOCAL_MINIMUM) continue;
                checks.assertLocalMinimum(result, new SplittableRandom(seed));
                minima[s]++;
            }
        }
        for (int s = 0; s < STRATEGIES.length; s++) {
            assertTrue(minima[s] > 0, String.join("/", STRATEGIES[s]) + " never ended at a local minimum");
        }
    }

    @Test
    void theWeightedMedianRefusesATrainingProgram() {
        PaperSetup setup = PaperSetup.create(20, 5);
        Network net = setup.network();
        PiecewiseLinearLoss loss = TestLosses.absolute();
        WalkChecks checks = new WalkChecks(
                () -> new LayerTrainingProgram(net, 2, setup.inputs(), setup.targets(), loss),
                theta -> LayerTrainingWalkTest.plainLoss(net, 2, theta, setup, loss));
        SolveResult result = checks.solve(new double[net.layerParameterCount(2)], Pivots.DANTZIG,
                SolverOptions.defaults().withStrategy(ShippedStrategies.choice("lineSearch", "weighted-median", Map.of())),
                false);
        assertEquals(SolveStatus.FAILED, result.status());
        assertTrue(result.message().contains("line search \"weighted-median\" cannot walk this program"), result.message());
    }
}

package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.spi.Dataset;
import org.drlp.spi.PiecewiseLinearLoss;
import org.junit.jupiter.api.Test;

/**
 * A first-layer walk that drives a hidden unit to all-zero weights and bias: then every data
 * point's neuron of that unit sits at its kink with a normal in the span of the unit's critical
 * ones, and along an edge that keeps the unit fixed their rates are round-off (about 1e-12) rather
 * than zero. The crossing search used to stop at such a neuron, the exchange made the basis
 * singular, and the walk ended NUMERICAL_FAILURE (here after 181 pivots; the same on the
 * 6-24-24-1 network of bench/relu-vs-adam.sh after 818). It must walk on to a certified minimum.
 */
class CollapsedUnitWalkTest {

    private static final int INPUTS = 3;
    private static final int WIDTH = 8;
    private static final int POINTS = 200;
    /** Found by a search over seeds: unit 7 (of 0..7) collapses at pivot 9, the walk failed at pivot 181. */
    private static final long SEED = 156;

    @Test
    void walkPassesACollapsedUnitToACertifiedMinimum() {
        Network net = Network.random(INPUTS, new int[] {WIDTH, WIDTH}, -1, 1, SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        double[] x = new double[POINTS * INPUTS], y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double sum = 1;
            for (int c = 0; c < INPUTS; c++) sum += x[i * INPUTS + c] = random.nextDouble(-3, 3);
            y[i] = sum + random.nextDouble(-2, 2);
        }
        PaperSetup setup = new PaperSetup(net, new Dataset("collapsed unit", List.of("x1", "x2", "x3"), "y", POINTS, x, y));
        PiecewiseLinearLoss loss = TestLosses.absolute();
        double[] start = net.layerParameters(1);
        WalkChecks checks = new WalkChecks(() -> new LayerTrainingProgram(net, 1, x, y, loss),
                theta -> LayerTrainingWalkTest.plainLoss(net, 1, theta, setup, loss));
        SolveResult result = checks.solve(start, Pivots.STEEPEST, true);
        assertEquals(SolveStatus.LOCAL_MINIMUM, result.status(), result.iterations() + " pivots: " + result.message());
        checks.assertMonotone();
        assertTrue(result.objective() < LayerTrainingWalkTest.plainLoss(net, 1, start, setup, loss));
        checks.assertLocalMinimum(result, new SplittableRandom(1));
        assertTrue(collapsedUnitOnTheWay(net, x, y, loss, start), "the walk never collapsed a unit: the case is lost");
    }

    /** Whether some step of the same walk has a first-layer unit with every parameter zero (to 1e-12). */
    private static boolean collapsedUnitOnTheWay(Network net, double[] x, double[] y, PiecewiseLinearLoss loss,
                                                 double[] start) {
        LayerTrainingProgram program = new LayerTrainingProgram(net, 1, x, y, loss);
        boolean[] seen = new boolean[1];
        new VertexWalkSolver().solve(program, start, Pivots.STEEPEST, SolverOptions.defaults(),
                (iteration, f, step, entering, leaving, flips, nanos) -> {
                    double[] theta = program.point();
                    for (int unit = 0; unit < WIDTH; unit++) {
                        double largest = 0;
                        for (int c = 0; c <= INPUTS; c++) largest = Math.max(largest, Math.abs(theta[unit * (INPUTS + 1) + c]));
                        if (largest <= 1e-12) seen[0] = true;
                    }
                });
        return seen[0];
    }
}

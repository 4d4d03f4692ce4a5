package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.drlp.api.SolveResult;
import org.drlp.api.SolverOptions;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PivotRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The passes over the data on several threads compute the same bits as on one: same walk, same end point. */
class LayerTrainingThreadsTest {

    /** More rows than one chunk holds, and a last chunk that is not full. */
    private static final int POINTS = 5 * LayerTrainingProgram.ROWS_PER_CHUNK + 17;

    /**
     * 1,000 points make 12,000 neurons: more than one chunk of the kernel's collection of the
     * breakpoints (8,192 neurons), which then runs on the program's threads too.
     */
    @ParameterizedTest(name = "layer {0}, seed {1}, {2} points")
    @CsvSource({"1, 11, " + POINTS, "1, 12, " + POINTS, "2, 21, " + POINTS, "3, 31, " + POINTS, "4, 41, " + POINTS,
            "1, 13, 1000", "2, 22, 1000", "3, 32, 1000"})
    void oneAndFourThreadsWalkToTheSameEndPoint(int layer, long seed, int points) {
        PaperSetup setup = PaperSetup.create(points, seed);
        Network net = setup.network();
        PiecewiseLinearLoss loss = TestLosses.absolute();
        double[] start = setup.randomStart(layer, seed);
        SolveResult one = solve(new LayerTrainingProgram(net, layer, setup.inputs(), setup.targets(), loss, 1), start);
        SolveResult four = solve(new LayerTrainingProgram(net, layer, setup.inputs(), setup.targets(), loss, 4), start);
        assertTrue(one.iterations() > 0);
        assertEquals(one.status(), four.status());
        assertEquals(one.iterations(), four.iterations());
        assertEquals(one.regionChanges(), four.regionChanges());
        assertEquals(Double.doubleToLongBits(one.objective()), Double.doubleToLongBits(four.objective()),
                one.objective() + " vs " + four.objective());
        assertArrayEquals(one.point(), four.point(), 0.0);
    }

    /** Directional derivatives, the rates written and the state after advance agree bit for bit. */
    @ParameterizedTest(name = "layer {0}")
    @CsvSource({"1", "2", "3"})
    void passesAgreeBitForBit(int layer) {
        PaperSetup setup = PaperSetup.create(POINTS, 5);
        Network net = setup.network();
        PiecewiseLinearLoss loss = TestLosses.quantile(0.3);
        LayerTrainingProgram one = new LayerTrainingProgram(net, layer, setup.inputs(), setup.targets(), loss, 1);
        LayerTrainingProgram three = new LayerTrainingProgram(net, layer, setup.inputs(), setup.targets(), loss, 3);
        SplittableRandom random = new SplittableRandom(layer);
        double[] x = Oracle.uniform(random, one.dimension(), -2, 2);
        one.reset(x);
        three.reset(x);
        for (int round = 0; round < 20; round++) {
            double[] v = Oracle.uniform(random, one.dimension(), -1, 1);
            double[] dz1 = new double[one.neuronCount()], dz3 = new double[one.neuronCount()];
            double g1 = one.directional(v, dz1), g3 = three.directional(v, dz3);
            assertEquals(Double.doubleToLongBits(g1), Double.doubleToLongBits(g3));
            assertArrayEquals(dz1, dz3, 0.0);
            double t = random.nextDouble(0, 0.01);
            one.advance(t, v, dz1);
            three.advance(t, v, dz3);
            assertArrayEquals(one.preactivations(), three.preactivations(), 0.0);
            one.refresh();
            three.refresh();
            assertArrayEquals(one.preactivations(), three.preactivations(), 0.0);
            double[] gr1 = new double[one.dimension()], gr3 = new double[one.dimension()];
            one.gradient(gr1);
            three.gradient(gr3);
            assertArrayEquals(gr1, gr3, 0.0);
        }
    }

    private static SolveResult solve(LayerTrainingProgram program, double[] start) {
        PivotRule rule = Pivots.STEEPEST;
        return new VertexWalkSolver().solve(program, start.clone(), rule, SolverOptions.defaults(),
                (iteration, f, step, entering, leaving, flips, nanos) -> { });
    }
}

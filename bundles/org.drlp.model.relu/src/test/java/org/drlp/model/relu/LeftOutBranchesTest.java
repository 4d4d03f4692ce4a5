package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import java.util.function.IntConsumer;

import org.drlp.api.SolveResult;
import org.drlp.api.SolverOptions;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.ReluProgram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link LayerTrainingProgram#directionalWithin}: the branches it computes have the rates and
 * preactivations of a program that computes every branch in every pass, the branches it leaves out
 * keep their pattern along the line up to {@link LayerTrainingProgram#reach}, and
 * {@link LayerTrainingProgram#extend} adds branches until the reach covers the step asked for.
 */
class LeftOutBranchesTest {

    private static final int POINTS = 3 * LayerTrainingProgram.ROWS_PER_CHUNK + 5;

    @ParameterizedTest(name = "layer {0}, seed {1}")
    @CsvSource({"1, 1", "1, 2", "2, 3", "3, 4", "4, 5"})
    void computedBranchesAgreeWithFullPassesAndLeftOutOnesKeepTheirPatternUpToTheReach(int layer, long seed) {
        PaperSetup setup = PaperSetup.create(POINTS, seed);
        PiecewiseLinearLoss loss = TestLosses.quantile(0.3);
        LayerTrainingProgram within = new LayerTrainingProgram(setup.network(), layer, setup.inputs(), setup.targets(), loss, 2);
        LayerTrainingProgram full = new LayerTrainingProgram(setup.network(), layer, setup.inputs(), setup.targets(), loss, 1);
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = Oracle.uniform(random, within.dimension(), -2, 2);
        within.reset(x);
        full.reset(x);
        int n = within.dimension(), m = within.neuronCount(), size = within.groupSize();
        double[] dzWithin = new double[m], dzFull = new double[m];
        int leftOutSeen = 0, extensions = 0;
        for (int round = 0; round < 60; round++) {
            double[] v = Oracle.uniform(random, n, -1, 1);
            double slope = within.directionalWithin(v, dzWithin);
            double expected = full.directional(v, dzFull);
            assertEquals(expected, slope, 1e-9 * (1 + Math.abs(expected)), "g . v, round " + round);
            boolean[] computed = within.computedGroups();
            double reach = within.reach();
            assertTrue(reach > 0, "reach " + reach);
            for (int i = 0; i < POINTS; i++) {
                if (computed[i]) {
                    assertBranchAgrees(within, full, dzWithin, dzFull, i, "round " + round);
                } else {
                    leftOutSeen++;
                }
            }
            if (round % 5 == 4 && reach < Double.POSITIVE_INFINITY) {
                // a step past the reach: the program adds branches until the reach covers it
                double step = 3 * reach;
                List<Integer> added = new ArrayList<>();
                boolean[] before = computed.clone();
                double extended = within.extend(step, added::add);
                assertTrue(extended >= step, extended + " < " + step);
                for (int i : added) {
                    assertFalse(before[i], "branch " + i + " was computed already");
                    assertTrue(within.computedGroups()[i]);
                    assertBranchAgrees(within, full, dzWithin, dzFull, i, "extension, round " + round);
                }
                extensions += added.size();
                reach = extended;
            }
            assertPatternsHold(setup, layer, loss, within, v, Math.min(reach, 10));
            // a step within the reach and short of the computed branches' first kink (as the walk's
            // would be, which flips a neuron where it crosses), or of a small fixed length
            double limit = Math.min(reach, 0.05 / Math.sqrt(Oracle.dot(v, v)));
            for (int j = 0; j < m; j++) {
                if (!within.computedGroups()[j / size]) continue;
                boolean up = within.highSide()[j];
                double distance = up ? within.preactivations()[j] : -within.preactivations()[j];
                double rate = up ? dzWithin[j] : -dzWithin[j];
                if (rate < 0) limit = Math.min(limit, Math.max(0, distance) / -rate);
            }
            double t = random.nextDouble() * limit;
            within.advance(t, v, dzWithin);
            full.advance(t, v, dzFull);
        }
        assertTrue(leftOutSeen > 0, "no branch was ever left out");
        assertTrue(extensions > 0, "no extension added a branch");
        assertEquals(full.value(), within.value(), 1e-9 * (1 + Math.abs(full.value())));
        double[] zWithin = within.preactivations().clone(), zFull = full.preactivations();
        for (int j = 0; j < m; j++) {
            assertEquals(zFull[j], zWithin[j], 1e-9 * (1 + full.scale(j)), "z " + j + " after value()");
        }
    }

    /**
     * The walk that leaves branches out and the walk that computes every branch in every pass (the
     * same program behind a view without groups) take the same pivots to the same certified end,
     * whose objective is that of a fresh evaluation there.
     */
    @ParameterizedTest(name = "layer {0}, seed {1}, {2} points")
    @CsvSource({"1, 11, 400", "1, 12, 1000", "2, 21, 400", "3, 31, 1000", "4, 41, 400"})
    void walksWithAndWithoutLeftOutBranchesEndAlike(int layer, long seed, int points) {
        PaperSetup setup = PaperSetup.create(points, seed);
        Network net = setup.network();
        PiecewiseLinearLoss loss = TestLosses.absolute();
        double[] start = setup.randomStart(layer, seed);
        LayerTrainingProgram program = new LayerTrainingProgram(net, layer, setup.inputs(), setup.targets(), loss, 2);
        SolveResult within = solve(program, start);
        SolveResult full = solve(new EveryBranch(
                new LayerTrainingProgram(net, layer, setup.inputs(), setup.targets(), loss, 2)), start);
        assertTrue(within.status().isCertified(), within.status() + ": " + within.message());
        assertEquals(full.status(), within.status());
        assertEquals(full.iterations(), within.iterations());
        assertEquals(full.regionChanges(), within.regionChanges());
        assertEquals(full.objective(), within.objective(), 1e-9 * Math.abs(full.objective()));
        LayerTrainingProgram fresh = new LayerTrainingProgram(net, layer, setup.inputs(), setup.targets(), loss, 1);
        fresh.reset(within.point());
        assertEquals(fresh.value(), within.objective(), 1e-9 * Math.abs(fresh.value()));
    }

    private static SolveResult solve(ReluProgram program, double[] start) {
        return new VertexWalkSolver().solve(program, start.clone(), Pivots.STEEPEST, SolverOptions.defaults(),
                (iteration, f, step, entering, leaving, flips, nanos) -> { });
    }

    /** A training program seen without its groups: the walk computes every branch in every pass. */
    private record EveryBranch(LayerTrainingProgram program) implements ReluProgram {
        public int dimension() { return program.dimension(); }
        public int neuronCount() { return program.neuronCount(); }
        public void reset(double[] x) { program.reset(x); }
        public double[] point() { return program.point(); }
        public double[] preactivations() { return program.preactivations(); }
        public boolean[] highSide() { return program.highSide(); }
        public double value() { return program.value(); }
        public void gradient(double[] out) { program.gradient(out); }
        public double directional(double[] v, double[] dz) { return program.directional(v, dz); }
        public void normal(int j, double[] out) { program.normal(j, out); }
        public double flipEffect(int k, double[] v, FlipSink sink) { return program.flipEffect(k, v, sink); }
        public void flip(int k) { program.flip(k); }
        public boolean exactFlips() { return program.exactFlips(); }
        public void advance(double t, double[] v, double[] dz) { program.advance(t, v, dz); }
        public void refresh() { program.refresh(); }
        public double scale(int j) { return program.scale(j); }
        public boolean isConvex() { return program.isConvex(); }
        public void forEachChunk(int chunks, IntConsumer chunk) { program.forEachChunk(chunks, chunk); }
    }

    /** Branch i's rates bit for bit, and its preactivations to round-off, as the program computing every branch has them. */
    private static void assertBranchAgrees(LayerTrainingProgram within, LayerTrainingProgram full, double[] dzWithin,
                                           double[] dzFull, int i, String where) {
        int size = within.groupSize();
        for (int j = i * size; j < (i + 1) * size; j++) {
            assertEquals(Double.doubleToLongBits(dzFull[j]), Double.doubleToLongBits(dzWithin[j]),
                    "rate of neuron " + j + ", " + where);
            assertEquals(full.preactivations()[j], within.preactivations()[j], 1e-9 * (1 + full.scale(j)),
                    "z of neuron " + j + ", " + where);
            assertEquals(full.highSide()[j], within.highSide()[j]);
        }
    }

    /**
     * Every left-out branch has, at the point plus {@code reach} v, the pattern the program carries
     * (a fresh program sets its sides from the signs there): a branch's region is convex, so the
     * whole segment is in it.
     */
    private static void assertPatternsHold(PaperSetup setup, int layer, PiecewiseLinearLoss loss,
                                           LayerTrainingProgram within, double[] v, double reach) {
        boolean[] computed = within.computedGroups();
        double[] end = within.point().clone();
        for (int c = 0; c < end.length; c++) end[c] += reach * v[c];
        LayerTrainingProgram there = new LayerTrainingProgram(setup.network(), layer, setup.inputs(), setup.targets(), loss, 1);
        there.reset(end);
        int size = within.groupSize();
        for (int i = 0; i < computed.length; i++) {
            if (computed[i]) continue;
            for (int j = i * size; j < (i + 1) * size; j++) {
                if (there.highSide()[j] != within.highSide()[j] && Math.abs(there.preactivations()[j]) > 1e-12 * there.scale(j)) {
                    fail("left-out neuron " + j + " changed side within the reach " + reach + ": z there "
                            + there.preactivations()[j]);
                }
            }
        }
    }
}

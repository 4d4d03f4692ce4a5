package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.drlp.api.Certificate;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.model.linear.RealPlugins.Rule;
import org.drlp.spi.PiecewiseLinearLoss;
import org.junit.jupiter.api.Test;

/**
 * Degenerate data at presolve sizes: exact fits, constant targets, partly exact fits, the
 * epsilon-insensitive loss on integer targets and heavy ties put thousands of rows on their kink at
 * the optimum. With the presolve's warm start there the walk used to make millions of zero-length
 * pivots (an exact fit of 50,000 rows had not ended after 29,000 pivots and 60 s; 25 pivots without
 * the presolve). Bounded pivot counts, not times: a stall shows as pivots on any machine.
 */
class DegenerateStallTest {

    /** Pivots of a whole solve, presolve stages included; the stalls ran to tens of thousands. */
    private static final long PIVOT_BOUND = 400;

    enum Family {
        /** y = 1 + x1 + ... + xp exactly. */
        EXACT_FIT,
        /** y = 3 for every row. */
        CONSTANT,
        /** 60% of the rows on the plane, the others off it by Gaussian noise. */
        PARTLY_EXACT,
        /** Integer features and targets, epsilon-insensitive with epsilon = 0.5: residuals tie at +-0.5. */
        EPSILON_INTEGER,
        /** Features and targets in {0, 1, 2}, absolute loss. */
        TIES
    }

    record Data(double[] design, double[] y, int n, PiecewiseLinearLoss loss) {
    }

    static Data generate(Family family, int rows, int p, long seed) {
        Random random = new Random(seed);
        int n = p + 1;
        double[] design = new double[rows * n], y = new double[rows];
        boolean integer = family == Family.EPSILON_INTEGER || family == Family.TIES;
        for (int i = 0; i < rows; i++) {
            double plane = 1;
            for (int c = 0; c < p; c++) {
                double x = integer ? random.nextInt(family == Family.TIES ? 3 : 10) : random.nextGaussian();
                design[i * n + c] = x;
                plane += x;
            }
            design[i * n + p] = 1;
            y[i] = switch (family) {
                case EXACT_FIT -> plane;
                case CONSTANT -> 3;
                case PARTLY_EXACT -> random.nextDouble() < 0.6 ? plane : plane + 2 * random.nextGaussian();
                case EPSILON_INTEGER -> Math.rint(plane + 2 * random.nextGaussian());
                case TIES -> random.nextInt(3);
            };
        }
        PiecewiseLinearLoss loss = family == Family.EPSILON_INTEGER ? Fixtures.epsilonInsensitive(0.5)
                : Fixtures.absolute();
        return new Data(design, y, n, loss);
    }

    private static SolveResult solve(Data data, String presolve) {
        return PresolveTest.solve(new PiecewiseLinearRegression(data.design, data.y, data.n, data.loss),
                new double[data.n], Rule.DANTZIG.create(0), presolve, 1_000_000L);
    }

    @Test
    void degenerateFamiliesAt5000And50000RowsEndWithinAPivotBoundAtThePlainWalksOptimum() {
        for (int rows : new int[] {5000, 50_000}) {
            for (Family family : Family.values()) {
                Data data = generate(family, rows, 3, rows + family.ordinal());
                String context = family + " at " + rows + " rows";
                SolveResult auto = solve(data, "auto");
                SolveResult off = solve(data, "off");
                assertEquals(SolveStatus.OPTIMAL, auto.status(), context + ": " + auto.message());
                assertEquals(SolveStatus.OPTIMAL, off.status(), context + ": " + off.message());
                assertTrue(auto.message().startsWith("presolve: subsample"), context + ": " + auto.message());
                assertTrue(auto.iterations() <= PIVOT_BOUND, context + ": " + auto.iterations() + " pivots with the presolve: "
                        + auto.message());
                assertTrue(off.iterations() <= PIVOT_BOUND, context + ": " + off.iterations() + " pivots without the presolve: "
                        + off.message());
                double scale = Math.max(1, Math.abs(off.objective()));
                assertEquals(off.objective(), auto.objective(), 1e-9 * scale, context);
                assertEquals(Fixtures.objective(data.design, data.y, data.n, data.loss, auto.point()), auto.objective(),
                        1e-9 * scale, context);
                assertCertified(auto, context);
                assertCertified(off, context);
            }
        }
    }

    /** The same families on a few dozen rows, presolve forced on, against the LP oracle. */
    @Test
    void smallDegenerateFamiliesWithPresolveOnMatchTheLinearProgram() {
        for (Family family : Family.values()) {
            for (long seed = 0; seed < 6; seed++) {
                Data data = generate(family, 30 + 7 * (int) seed, 2, seed);
                String context = family + " seed " + seed;
                SolveResult on = solve(data, "on");
                assertEquals(SolveStatus.OPTIMAL, on.status(), context + ": " + on.message());
                assertTrue(on.message().startsWith("presolve: subsample"), context + ": " + on.message());
                double oracle = Fixtures.linearProgramOptimum(data.design, data.y, data.n, data.loss);
                assertEquals(oracle, on.objective(), 1e-8 * Math.max(1, Math.abs(oracle)), context + ": " + on.message());
                assertCertified(on, context);
            }
        }
    }

    /**
     * Without the presolve the plain walk meets the stall itself on a constant target (every row
     * reaches its kink in one step): the stall guard ends it, and the message says it happened.
     */
    @Test
    void thePlainWalksStallOnAConstantTargetIsEndedAndReported() {
        Data data = generate(Family.CONSTANT, 50_000, 3, 7);
        SolveResult off = solve(data, "off");
        assertEquals(SolveStatus.OPTIMAL, off.status(), off.message());
        assertEquals(0, off.objective(), 1e-9);
        assertTrue(off.iterations() <= PIVOT_BOUND, off.iterations() + " pivots: " + off.message());
        assertTrue(off.message().contains("stalled at a degenerate vertex") && off.message().contains("zero length"),
                off.message());
    }

    private static void assertCertified(SolveResult result, String context) {
        Certificate certificate = result.certificate();
        assertTrue(certificate.isLocallyOptimal(), context + ": min slope " + certificate.minEdgeSlope());
        assertTrue(certificate.dualMaxViolation() <= 1e-9, context + ": dual violation " + certificate.dualMaxViolation());
    }
}

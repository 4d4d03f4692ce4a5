package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.model.linear.DegenerateProblems.Problem;
import org.drlp.model.linear.DegenerateProblems.Shape;
import org.drlp.model.linear.DriftingProgram.Mode;
import org.drlp.model.linear.RealPlugins.Loss;
import org.drlp.model.linear.RealPlugins.Rule;
import org.drlp.spi.PiecewiseLinearLoss;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Programs that drift from the truth by a random amount (none, round-off sized, or plainly wrong)
 * after a random number of pivots: whatever the walk reports, an OPTIMAL status always comes with
 * the LP oracle's objective, and UNBOUNDED (these problems are all bounded) never comes at all.
 */
class OptimalIsNeverWrongPropertyTest {

    private static final double[] SIZES = {0, 1e-13, 1e-10, 1e-7, 1e-5, 1e-3, 1e-1, 10};

    @Property(tries = 1000, seed = "99")
    void anOptimalStatusAlwaysCarriesTheOracleObjective(@ForAll Shape shape, @ForAll Loss lossKind,
            @ForAll Rule rule, @ForAll Mode mode, @ForAll @IntRange(min = 0, max = 7) int sizeIndex,
            @ForAll @IntRange(min = 0, max = 6) int pivotsBeforeDrift,
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Problem problem = DegenerateProblems.generate(shape, seed);
        PiecewiseLinearLoss loss = lossKind.create(problem.scale());
        double lp = DegenerateProblems.oracle(problem, lossKind.create(1));
        double size = SIZES[sizeIndex];
        Random random = new Random(seed);
        double[] gradientOffset = new double[problem.n()];
        double dataSize = 0;
        for (double a : problem.design()) dataSize = Math.max(dataSize, Math.abs(a));
        for (int i = 0; i < gradientOffset.length; i++) gradientOffset[i] = size * dataSize * random.nextGaussian();
        double valueOffset = size * (problem.scale() + Math.abs(lp));
        DriftingProgram program = new DriftingProgram(new PiecewiseLinearRegression(problem.design(), problem.y(),
                problem.n(), loss), mode, pivotsBeforeDrift, valueOffset, gradientOffset);

        SolveResult result = new VertexWalkSolver().solve(program, problem.start(), rule.create(seed),
                SolverOptions.defaults().withMaxIterations(20_000), null);

        String context = problem + ", loss " + lossKind + ", rule " + rule + ", " + mode + " drift " + size
                + " after " + pivotsBeforeDrift + " pivots (drifting at the end: " + program.drifting() + ")";
        assertNotEquals(SolveStatus.UNBOUNDED, result.status(), context + ": " + result.message());
        assertNotEquals(SolveStatus.FAILED, result.status(), context + ": " + result.message());
        if (result.status() == SolveStatus.OPTIMAL) {
            double truth = Fixtures.objective(problem.design(), problem.y(), problem.n(), loss, result.point());
            double tolerance = 1e-7 * (problem.scale() + Math.abs(lp));
            assertEquals(lp, truth, tolerance, context + ": the point is not optimal");
            assertEquals(lp, result.objective(), tolerance, context + ": the reported objective is wrong");
        } else {
            assertTrue(size > 0 && program.drifting(), context + ": an honest program ended " + result.status()
                    + ": " + result.message());
        }
    }
}

package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.model.linear.DegenerateProblems.Problem;
import org.drlp.model.linear.DegenerateProblems.Shape;
import org.drlp.model.linear.RealPlugins.Loss;
import org.drlp.model.linear.RealPlugins.Rule;
import org.drlp.spi.PiecewiseLinearLoss;
import org.junit.jupiter.api.Test;

/**
 * A start whose objective is exactly 0 (every point within the epsilon band) and an optimum of 0:
 * the drift check judged round-off of 2e-16 against a tolerance relative to the objective alone,
 * which is 0, and reported NUMERICAL_FAILURE. Found by DegenerateDataPropertyTest.
 */
class ExactFitIsNotDriftTest {

    @Test
    void roundOffAtAZeroObjectiveIsNotDrift() {
        check(1597, Rule.DANTZIG);
        check(1067964639277L, Rule.STEEPEST_EDGE);
    }

    private static void check(long seed, Rule rule) {
        Problem problem = DegenerateProblems.generate(Shape.BOUNDARY_START, seed);
        PiecewiseLinearLoss loss = Loss.EPSILON_SMALL.create(1);
        SolveResult result = new VertexWalkSolver().solve(new PiecewiseLinearRegression(problem.design(), problem.y(),
                problem.n(), loss), problem.start(), rule.create(seed), SolverOptions.defaults(), null);
        assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
        assertEquals(DegenerateProblems.oracle(problem, loss), result.objective(), 1e-12);
    }
}

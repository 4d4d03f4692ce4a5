package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.model.linear.DriftingProgram.Mode;
import org.drlp.spi.PiecewiseLinearLoss;
import org.junit.jupiter.api.Test;

/**
 * A program whose value or gradient drifts from the truth after some pivots: the walk's checks
 * against recomputation (the tracked objective after refactorisation, the certificate's
 * stationarity from the data) turn that into NUMERICAL_FAILURE, never into OPTIMAL.
 */
class DriftIsNumericalFailureTest {

    private static double[] stacklossDesign() {
        double[][] features = new double[21][];
        for (int i = 0; i < 21; i++) features[i] = Arrays.copyOf(Fixtures.STACKLOSS[i], 3);
        return Fixtures.withIntercept(features);
    }

    private static double[] stacklossTarget() {
        double[] y = new double[21];
        for (int i = 0; i < 21; i++) y[i] = Fixtures.STACKLOSS[i][3];
        return y;
    }

    private static SolveResult solve(Mode mode, double valueOffset, double[] gradientOffset, SolverOptions options) {
        return solve(mode, 3, valueOffset, gradientOffset, options);
    }

    private static SolveResult solve(Mode mode, int pivotsBeforeDrift, double valueOffset, double[] gradientOffset,
                                     SolverOptions options) {
        PiecewiseLinearLoss loss = Fixtures.absolute();
        DriftingProgram program = new DriftingProgram(new PiecewiseLinearRegression(stacklossDesign(),
                stacklossTarget(), 4, loss), mode, pivotsBeforeDrift, valueOffset, gradientOffset);
        return new VertexWalkSolver().solve(program, new double[4], Fixtures.DANTZIG, options, null);
    }

    @Test
    void theUnperturbedWrapperSolvesStackLossExactly() {
        SolveResult result = solve(Mode.VALUE, 0, new double[4], SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
        assertEquals(14518.0 / 345, result.objective(), 1e-9);
    }

    @Test
    void aValueThatDriftsAfterThreePivotsIsANumericalFailure() {
        for (int interval : new int[] {1, 2, 200}) {
            SolveResult result = solve(Mode.VALUE, 1e-4, new double[4], Strategies.refactorEvery(SolverOptions.defaults(), interval));
            assertEquals(SolveStatus.NUMERICAL_FAILURE, result.status(), "refactorInterval " + interval);
            assertTrue(result.message().contains("drifted"), result.message());
        }
    }

    @Test
    void aGradientThatDriftsAfterThreePivotsIsANumericalFailure() {
        for (double size : new double[] {1e-5, 1e-3, 1}) {
            SolveResult result = solve(Mode.GRADIENT, 0, new double[] {size, -size, size, size}, SolverOptions.defaults());
            assertEquals(SolveStatus.NUMERICAL_FAILURE, result.status(), "gradient off by " + size
                    + "; objective " + result.objective() + ", " + result.message());
        }
    }

    /** Was OPTIMAL with the offset objective: the tracked objective started from the same lie. */
    @Test
    void aValueOffFromTheStartIsANumericalFailure() {
        SolveResult result = solve(Mode.VALUE, 0, 1e-6, new double[4], SolverOptions.defaults());
        assertEquals(SolveStatus.NUMERICAL_FAILURE, result.status(), result.message());
        assertTrue(result.message().contains("differs from the sum of its terms"), result.message());
    }

    /** Was UNBOUNDED: the walk trusted a drifted gradient along an edge that no neuron blocks. */
    @Test
    void aDriftedGradientIsNotReportedAsUnbounded() {
        for (boolean passThrough : new boolean[] {true, false}) {
            SolveResult result = solve(Mode.GRADIENT, 3, 0, new double[] {1, -1, 1, 1},
                    Strategies.passThrough(SolverOptions.defaults(), passThrough));
            assertEquals(SolveStatus.NUMERICAL_FAILURE, result.status(), result.message());
            assertTrue(result.message().contains("bounded below by 0"), result.message());
        }
    }

    /**
     * The same lie, healed by the next refactorisation: the walk, doubting its unbounded claim,
     * refactors and prices again instead of giving up, and ends at the true optimum.
     */
    @Test
    void aDriftedGradientThatARefactorisationHealsEndsOptimal() {
        for (boolean passThrough : new boolean[] {true, false}) {
            DriftingProgram program = new DriftingProgram(new PiecewiseLinearRegression(stacklossDesign(),
                    stacklossTarget(), 4, Fixtures.absolute()), Mode.GRADIENT, 3, 0, new double[] {1, -1, 1, 1})
                    .healingOnRefresh();
            SolveResult result = new VertexWalkSolver().solve(program, new double[4], Fixtures.DANTZIG,
                    Strategies.passThrough(SolverOptions.defaults(), passThrough), null);
            assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
            assertEquals(14518.0 / 345, result.objective(), 1e-9);
        }
    }
}

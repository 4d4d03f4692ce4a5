package org.drlp.model.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A penalty M far above every multiplier blunts the walk's tolerances (they scale with the slopes), so
 * its minimum may stop short of the LP's; one far below them is not exact. The duality gap and the
 * feasibility check must catch both: never a wrong OPTIMAL (M is lowered or raised and the walk goes on).
 */
class HugePenaltyTest {

    @ParameterizedTest(name = "{0} from M = {2}")
    @CsvSource({"afiro, -464.7531429, 1e12", "adlittle, 225494.9632, 1e12", "blend, -30.81214985, 1e12",
            "kb2, -1749.90013, 1e12", "sc50a, -64.57507706, 1e12", "sc50b, -70, 1e12", "sc105, -52.20206121, 1e12",
            "share2b, -415.7322407, 1e12", "stocfor1, -41131.97622, 1e12", "recipe, -266.616, 1e12",
            "israel, -896644.8219, 1e12", "scagr7, -2331389.824, 1e12",
            "afiro, -464.7531429, 0.01", "israel, -896644.8219, 0.01", "scagr7, -2331389.824, 0.01"})
    void aFarOffStartingPenaltyNeverGivesAWrongOptimum(String name, double published, double penalty)
            throws IOException {
        LinearProgram lp = MpsReader.read(LpSolve.netlib(name), false);
        LpProblem problem = new LpProblem(lp, penalty, 1e-9);
        SolveResult result = LpSolve.solve(problem, Rules.DANTZIG.create());
        assertTrue(result.status() == SolveStatus.OPTIMAL || !result.status().isCertified(), result.message());
        if (result.status() == SolveStatus.OPTIMAL) {
            assertEquals(published, result.objective(), 1e-8 * Math.abs(published), result.message());
        }
    }
}

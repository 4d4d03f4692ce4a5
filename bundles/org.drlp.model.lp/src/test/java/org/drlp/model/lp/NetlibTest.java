package org.drlp.model.lp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.pivot.DantzigRule;
import org.drlp.api.Parameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every netlib problem of the shared set: its published optimum to 1e-8 relative, or an honest other status. */
class NetlibTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"afiro, -464.7531429", "adlittle, 225494.9632", "blend, -30.81214985", "kb2, -1749.90013",
            "sc50a, -64.57507706", "sc50b, -70", "sc105, -52.20206121", "share2b, -415.7322407",
            "stocfor1, -41131.97622", "recipe, -266.616", "israel, -896644.8219", "scagr7, -2331389.824"})
    void reachesThePublishedOptimum(String name, double published) throws Exception {
        LpProblem problem = LpSolve.problem(LpSolve.netlib(name));
        DantzigRule provider = new DantzigRule();
        long t = System.nanoTime();
        SolveResult result = LpSolve.solve(problem, provider.create(Parameters.resolve("dantzig", provider.parameters(), java.util.Map.of(), null)));
        System.out.printf("%s %s %.10g published %.10g iterations %d %.3fs %s%n", name, result.status(), result.objective(),
                published, result.iterations(), (System.nanoTime() - t) * 1e-9, result.message());
        if (result.certificate() != null && result.certificate().dual() != null) System.out.println(Gap.of(problem.linearProgram(), (PenaltyProgram) problem.program(), result));
        if (result.status() == SolveStatus.OPTIMAL) {
            assertTrue(Math.abs(result.objective() - published) <= 1e-8 * Math.abs(published), name);
        }
    }
}

package org.drlp.model.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every netlib problem of the shared set (examples/lp/netlib) with every shipped pivot rule: the
 * published optimum to 1e-8 relative, and duals that pass the textbook check on the data. A status
 * other than OPTIMAL would be honest, never a wrong OPTIMAL; none is expected (the README lists none),
 * so every one is asserted OPTIMAL.
 */
class NetlibTest {

    /** Published optimal objectives (netlib's table, reproduced by GLPK on these files). */
    private static final Object[][] PUBLISHED = {{"afiro", -464.7531429}, {"adlittle", 225494.9632},
            {"blend", -30.81214985}, {"kb2", -1749.90013}, {"sc50a", -64.57507706}, {"sc50b", -70.0},
            {"sc105", -52.20206121}, {"share2b", -415.7322407}, {"stocfor1", -41131.97622}, {"recipe", -266.616},
            {"israel", -896644.8219}, {"scagr7", -2331389.824}};

    static List<Arguments> problemsAndRules() {
        List<Arguments> list = new ArrayList<>();
        for (Rules rule : Rules.values()) {
            for (Object[] p : PUBLISHED) list.add(Arguments.of(p[0], p[1], rule));
        }
        return list;
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("problemsAndRules")
    void reachesThePublishedOptimumWithAVerifiedDual(String name, double published, Rules rule) throws Exception {
        LpProblem problem = LpSolve.problem(LpSolve.netlib(name));
        SolveResult result = LpSolve.solve(problem, rule.create());
        assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
        // the published optima have 10 significant digits
        assertEquals(published, result.objective(), 1e-8 * Math.abs(published), result.message());
        LinearProgram lp = problem.linearProgram();
        assertEquals(result.objective(), lp.objective(result.point()), 1e-12 * Math.abs(published));
        LpDualCheck.check(lp, result.point(), problem.solution().duals(), result.objective(), 1e-7);
    }
}

package org.drlp.model.lp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three answers on LPs whose answer is known by hand, and the penalty's M raised when it is too small. */
class StatusTest {

    private static SolveResult solve(LpProblem problem) {
        return LpSolve.solve(problem, Rules.DANTZIG.create());
    }

    @Test
    void contradictoryRowsAreInfeasible() throws IOException {
        LpProblem problem = LpSolve.problem(Path.of("../../examples/lp/infeasible.mps"));
        SolveResult result = solve(problem);
        assertEquals(SolveStatus.INFEASIBLE, result.status(), result.message());
        // x + y <= 1 and x + y >= 3: the least total violation is 2
        assertTrue(result.message().startsWith("no feasible point: the minimal total violation is 2.00000"),
                result.message());
        assertTrue(result.stages().stream().anyMatch(s -> s.name().equals("phase-1")));
    }

    @Test
    void aFallingFeasibleRayIsUnbounded() throws IOException {
        LpProblem problem = LpSolve.problem(Path.of("../../examples/lp/unbounded.mps"));
        SolveResult result = solve(problem);
        assertEquals(SolveStatus.UNBOUNDED, result.status(), result.message());
        LinearProgram lp = problem.linearProgram();
        assertTrue(lp.maxRelativeViolation(result.point()) <= 1e-9, "the reported point is feasible");
    }

    @Test
    void infeasibleAndUnboundedIsInfeasible() throws IOException {
        // x >= 1, x <= 0 and a free y of cost -1: a ray (y up) exists, but no feasible point
        LinearProgram lp = MpsReaderTest.read("NAME\nROWS\n N c\n G one\n L zero\nCOLUMNS\n x one 1 zero 1\n"
                + " y c -1\nRHS\n one 1 zero 0\nBOUNDS\n FR b x\n FR b y\nENDATA\n");
        SolveResult result = solve(new LpProblem(lp, LpProblem.defaultPenalty(lp), 1e-9));
        assertEquals(SolveStatus.INFEASIBLE, result.status(), result.message());
    }

    @Test
    void aTooSmallPenaltyIsRaisedUntilExact() throws IOException {
        // minimise -3x subject to x <= 1: exact only for M > 3; from M = 0.5 the penalty is unbounded, then not exact
        LinearProgram lp = MpsReaderTest.read("NAME\nROWS\n N c\n L cap\nCOLUMNS\n x c -3 cap 1\nRHS\n cap 1\nENDATA\n");
        LpProblem problem = new LpProblem(lp, 0.5, 1e-9);
        SolveResult result = solve(problem);
        assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
        assertEquals(-3, result.objective(), 1e-12);
        assertArrayEquals(new double[] {1}, result.point(), 1e-12);
        assertEquals(-3, problem.solution().duals().rowDual()[0], 1e-9, "d objective / d rhs of cap");
        assertTrue(result.message().contains("penalty M = 5.00000"), result.message());
        // each walk has its phase-1 start and its own walk, under one name here
        List<String> stages = result.stages().stream().map(s -> s.name()).distinct().toList();
        assertEquals(List.of("ray", "phase-1", "penalty-2"), stages.subList(stages.size() - 3, stages.size()),
                stages.toString());
    }

    @Test
    void maximisationReportsInTheFilesSense() throws IOException {
        // maximise x + y subject to x + 2y <= 4, 3x + y <= 6: optimum (8/5, 6/5), value 14/5, duals (2/5, 1/5)
        LinearProgram lp = MpsReaderTest.read("NAME\nOBJSENSE\n MAX\nROWS\n N c\n L a\n L b\nCOLUMNS\n"
                + " x c 1 a 1\n x b 3\n y c 1 a 2\n y b 1\nRHS\n a 4 b 6\nENDATA\n");
        LpProblem problem = new LpProblem(lp, LpProblem.defaultPenalty(lp), 1e-9);
        SolveResult result = solve(problem);
        assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
        assertEquals(14.0 / 5, result.objective(), 1e-12);
        assertArrayEquals(new double[] {8.0 / 5, 6.0 / 5}, result.point(), 1e-12);
        assertArrayEquals(new double[] {2.0 / 5, 1.0 / 5}, problem.solution().duals().rowDual(), 1e-12);
    }

    @Test
    void theSolutionFileHasColumnsAndRowsByName(@TempDir Path folder) throws IOException {
        LpProblem problem = LpSolve.problem(LpSolve.netlib("afiro"));
        SolveResult result = solve(problem);
        problem.writeArtifacts(result.point(), folder);
        List<String> lines = Files.readAllLines(folder.resolve("lp-solution.csv"));
        LinearProgram lp = problem.linearProgram();
        assertEquals(1 + lp.columns() + lp.rows(), lines.size());
        assertEquals("kind,name,type,value,lower,upper,slack,dual", lines.get(0));
        String[] first = lines.get(1).split(",", -1);
        assertEquals(List.of("column", "X01"), List.of(first[0], first[1]));
        assertEquals(result.point()[0], Double.parseDouble(first[3]));
        String[] row = lines.get(1 + lp.columns()).split(",", -1);
        assertEquals(List.of("row", "R09", "E"), List.of(row[0], row[1], row[2]));
        assertEquals(problem.solution().duals().rowDual()[0], Double.parseDouble(row[7]));
    }
}

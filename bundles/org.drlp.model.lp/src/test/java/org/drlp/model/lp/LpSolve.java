package org.drlp.model.lp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStage;
import org.drlp.api.SolverOptions;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.spi.PivotRule;

/** Solves an LP as a run would: the kernel's walk of the first penalty, then the problem's conclude. */
final class LpSolve {

    private static final VertexWalkSolver KERNEL = new VertexWalkSolver();

    private LpSolve() {
    }

    /** The netlib copies shipped with the examples. */
    static Path netlib(String name) {
        return Path.of("../../examples/lp/netlib", name + ".mps");
    }

    static LpProblem problem(Path file) throws IOException {
        LinearProgram lp = MpsReader.read(file, false);
        return new LpProblem(lp, LpProblem.defaultPenalty(lp), 1e-9);
    }

    static SolveResult solve(LpProblem problem, PivotRule rule) {
        SolverOptions options = SolverOptions.defaults().withMaxIterations(2_000_000);
        SolveResult first = KERNEL.solve(problem.program(), problem.start(), rule, options, null);
        return problem.conclude(first, (stage, program, start) -> named(stage, KERNEL.solve(program, start, rule, options,
                null)));
    }

    /** The result with its one stage named as the kernel's vertex-walk method names it. */
    private static SolveResult named(String stage, SolveResult result) {
        List<SolveStage> stages = new ArrayList<>();
        for (SolveStage s : result.stages()) {
            stages.add(s.withName(stage));
        }
        return new SolveResult(result.status(), result.objective(), result.point(), result.iterations(),
                result.regionChanges(), result.seconds(), result.certificate(), result.message(), stages);
    }
}

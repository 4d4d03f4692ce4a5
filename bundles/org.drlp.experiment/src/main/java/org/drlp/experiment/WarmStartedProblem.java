package org.drlp.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drlp.api.CoefficientTable;
import org.drlp.api.SolveResult;
import org.drlp.spi.Problem;
import org.drlp.spi.ReluProgram;

/** A problem that starts elsewhere: the end point of an earlier run ({@link TauChains}); the rest is the model's. */
final class WarmStartedProblem implements Problem {

    private final Problem problem;
    private final double[] start;

    WarmStartedProblem(Problem problem, double[] start) {
        this.problem = problem;
        this.start = start.clone();
    }

    @Override
    public ReluProgram program() {
        return problem.program();
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public List<String> parameterNames() {
        return problem.parameterNames();
    }

    @Override
    public void writeArtifacts(double[] solution, Path runDirectory) throws IOException {
        problem.writeArtifacts(solution, runDirectory);
    }

    @Override
    public SolveResult conclude(SolveResult result, Walker walker) {
        return problem.conclude(result, walker);
    }

    @Override
    public Map<String, Double> evaluate(double[] solution) {
        return problem.evaluate(solution);
    }

    @Override
    public Optional<CoefficientTable> coefficients(SolveResult result) {
        return problem.coefficients(result);
    }
}

package org.drlp.method.compose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.drlp.spi.Problem;
import org.drlp.spi.ReluProgram;

/** The same problem with another start point: where the previous stage ended, or a perturbed point. */
final class StartingAt implements Problem {

    private final Problem problem;
    private final double[] start;

    StartingAt(Problem problem, double[] start) {
        if (start.length != problem.program().dimension()) {
            throw new IllegalArgumentException("start point of length " + start.length + " for a program of dimension "
                    + problem.program().dimension());
        }
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
    public Map<String, Double> evaluate(double[] point) {
        return problem.evaluate(point);
    }
}

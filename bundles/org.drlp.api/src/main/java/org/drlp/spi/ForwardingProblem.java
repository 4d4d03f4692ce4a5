package org.drlp.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drlp.api.CoefficientTable;
import org.drlp.api.SolveResult;

/**
 * A problem that passes everything on to another, for wrappers that change only part of it (start
 * elsewhere, write more artifacts): a subclass overrides those methods, and whatever {@link Problem}
 * gains later is forwarded without it.
 *
 * @since 2.1
 */
public abstract class ForwardingProblem implements Problem {

    /** The problem everything goes to. */
    protected final Problem problem;

    protected ForwardingProblem(Problem problem) {
        if (problem == null) throw new IllegalArgumentException("a forwarding problem needs a problem");
        this.problem = problem;
    }

    /**
     * The same problem started at {@code start} (copied): where an earlier solve ended, say.
     *
     * @throws IllegalArgumentException when the point's length is not the program's dimension
     */
    public static Problem startingAt(Problem problem, double[] start) {
        if (start.length != problem.program().dimension()) {
            throw new IllegalArgumentException("start point of length " + start.length + " for a program of dimension "
                    + problem.program().dimension());
        }
        double[] point = start.clone();
        return new ForwardingProblem(problem) {
            @Override
            public double[] start() {
                return point.clone();
            }
        };
    }

    @Override
    public ReluProgram program() {
        return problem.program();
    }

    @Override
    public double[] start() {
        return problem.start();
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

    @Override
    public Optional<double[]> design(Dataset data) {
        return problem.design(data);
    }
}

package org.drlp.model.relu;

import java.util.ArrayList;
import java.util.List;

import org.drlp.spi.Problem;
import org.drlp.spi.ReluProgram;

/** Minimising a network over its input: coordinates named x1..xd. */
final class ArgminProblem implements Problem {

    private final ArgminProgram program;
    private final double[] start;

    ArgminProblem(ArgminProgram program, double[] start) {
        this.program = program;
        this.start = start.clone();
    }

    @Override
    public ReluProgram program() {
        return program;
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>(program.dimension());
        for (int i = 1; i <= program.dimension(); i++) names.add("x" + i);
        return List.copyOf(names);
    }
}

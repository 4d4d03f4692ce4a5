package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;
import org.drlp.spi.ReluProgram;
import org.junit.jupiter.api.Test;

class AdamMethodTest {

    private static Problem problem(ReluProgram program, double[] start) {
        return new Problem() {
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
                return List.of();
            }
        };
    }

    @Test
    void adamLowersTheTrainingLossAndReportsEveryEpoch() {
        PaperSetup setup = PaperSetup.create(200, 4);
        PiecewiseLinearLoss loss = TestLosses.absolute();
        double[] start = Oracle.uniform(new SplittableRandom(4), 25, -20, 20);
        LayerTrainingProgram program = new LayerTrainingProgram(setup.network(), 1, setup.inputs(), setup.targets(), loss);
        AdamMethod adam = new AdamMethod();
        Parameters parameters = Parameters.resolve("method \"adam\"", adam.parameters(),
                Map.of("learningRate", 0.1, "epochs", 300), null);
        List<Double> trace = new ArrayList<>();
        SolveResult result = adam.solve(problem(program, start), parameters,
                (epoch, f, step, in, out, flips, nanos) -> {
                    assertEquals(trace.size(), epoch);
                    trace.add(f);
                });
        assertEquals(SolveStatus.COMPLETED, result.status(), "every requested epoch ran");
        assertEquals(300, result.iterations());
        assertEquals(301, trace.size());
        assertNull(result.certificate());
        double initial = LayerTrainingWalkTest.plainLoss(setup.network(), 1, start, setup, loss);
        double reached = LayerTrainingWalkTest.plainLoss(setup.network(), 1, result.point(), setup, loss);
        assertEquals(initial, trace.get(0), 1e-9 * initial);
        assertEquals(reached, result.objective(), 1e-9 * reached, "the reported objective is the point's loss");
        assertTrue(reached < 0.9 * initial, "adam lowered the loss: " + initial + " -> " + reached);
        assertEquals(trace.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), result.objective(), 0,
                "the best iterate is returned");
    }

    @Test
    void adamOnAnUnboundedProgramEndsWithoutThrowing() {
        // f(x) = x: unbounded below; Adam walks down at about the learning rate per epoch
        Network line = new Network(1, new double[][] {{1}}, new double[][] {{0}});
        AdamMethod adam = new AdamMethod();
        Parameters parameters = Parameters.resolve("method \"adam\"", adam.parameters(), Map.of("epochs", 50), null);
        SolveResult result = adam.solve(problem(new ArgminProgram(line), new double[] {0}), parameters, null);
        assertEquals(SolveStatus.COMPLETED, result.status(), "every requested epoch ran");
        assertEquals(-0.5, result.objective(), 1e-6);
    }
}

package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.drlp.spi.PiecewiseLinearLoss;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The joint loss of several layers and its back-propagated gradient, against independent computations. */
class JointTrainingTest {

    /** Scheduled alone, a layer's joint loss and gradient are the layer-training program's. */
    @ParameterizedTest(name = "layer {0}")
    @CsvSource({"1", "2", "3", "4"})
    void oneLayerAgreesWithItsTrainingProgram(int layer) {
        PaperSetup setup = PaperSetup.create(60, 3 + layer);
        PiecewiseLinearLoss loss = TestLosses.quantile(0.7);
        LayerwiseProblem problem = new LayerwiseProblem(setup.network(), List.of(layer), 1, setup.inputs(),
                setup.targets(), loss, null, 1);
        double[] x = problem.start();
        JointTraining joint = problem.joint();
        joint.reset(x);
        LayerTrainingProgram program = problem.blockProgram(layer, x);
        program.reset(problem.block(layer, x));
        assertEquals(program.value(), joint.value(), 1e-10 * (1 + Math.abs(program.value())));
        double[] g = new double[joint.dimension()], g0 = new double[program.dimension()];
        joint.gradient(g);
        program.gradient(g0);
        for (int c = 0; c < g.length; c++) assertEquals(g0[c], g[c], 1e-10 * (1 + Math.abs(g0[c])), "coordinate " + c);
    }

    /** Several layers: the loss is a plain forward pass, the gradient its central difference. */
    @ParameterizedTest(name = "layers {0}")
    @CsvSource({"'1,2,3,4'", "'2,4'", "'4,1'"})
    void severalLayersGiveTheForwardLossAndItsDerivative(String list) {
        PaperSetup setup = PaperSetup.create(40, 9);
        PiecewiseLinearLoss loss = TestLosses.absolute();
        List<Integer> layers = java.util.Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
        LayerwiseProblem problem = new LayerwiseProblem(setup.network(), layers, 1, setup.inputs(), setup.targets(),
                loss, null, 1);
        JointTraining joint = problem.joint();
        double[] x = problem.start();
        SplittableRandom random = new SplittableRandom(1);
        for (int c = 0; c < x.length; c++) x[c] += random.nextDouble(-0.1, 0.1);
        joint.reset(x);
        assertEquals(forwardLoss(problem.decode(x), setup), joint.value(), 1e-10 * (1 + joint.value()));
        double[] g = new double[x.length];
        joint.gradient(g);
        double h = 1e-7;
        for (int c = 0; c < x.length; c++) {
            double[] up = x.clone(), down = x.clone();
            up[c] += h;
            down[c] -= h;
            double difference = (forwardLoss(problem.decode(up), setup) - forwardLoss(problem.decode(down), setup)) / (2 * h);
            // a kink inside [x - h, x + h] would break the difference; random points avoid them
            assertEquals(difference, g[c], 1e-4 * (1 + Math.abs(difference)), "coordinate " + c);
        }
    }

    private static double forwardLoss(Network net, PaperSetup setup) {
        double sum = 0;
        double[] x = setup.inputs(), y = setup.targets();
        for (int i = 0; i < y.length; i++) {
            double[] row = java.util.Arrays.copyOfRange(x, i * 4, i * 4 + 4);
            sum += Math.abs(net.evaluate(row) - y[i]);
        }
        return sum;
    }
}

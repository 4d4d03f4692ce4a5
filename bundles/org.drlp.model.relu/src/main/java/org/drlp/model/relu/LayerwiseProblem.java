package org.drlp.model.relu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;
import org.drlp.spi.ReluProgram;

/**
 * Training several layers of a network in turn (block-coordinate descent). Its coordinates are the
 * parameters of the distinct scheduled layers, concatenated in the order they first appear. With
 * several layers the loss is not piecewise linear in all of them together (products of weights),
 * so there is no single ReLU program: {@link BlockCoordinateMethod} solves one layer at a time.
 */
final class LayerwiseProblem implements Problem {

    private final Network network;
    private final int[] layers;       // distinct, in coordinate order
    private final int[] offsets;      // offsets[b]: first coordinate of layers[b]; offsets[layers.length] = dimension
    private final List<Integer> schedule;
    private final int roundLength;
    private final double[] inputs;
    private final double[] targets;
    private final PiecewiseLinearLoss loss;
    private final HeldOut validation;
    private final int threads;

    /**
     * @param validation held-out rows to measure the trained network on; null: none
     * @param threads    threads of each layer's program (see {@link LayerTrainingProgram})
     */
    LayerwiseProblem(Network network, List<Integer> layerOrder, int rounds, double[] inputs, double[] targets,
                     PiecewiseLinearLoss loss, HeldOut validation, int threads) {
        this.network = network;
        this.layers = layerOrder.stream().distinct().mapToInt(Integer::intValue).toArray();
        this.offsets = new int[layers.length + 1];
        for (int b = 0; b < layers.length; b++) offsets[b + 1] = offsets[b] + network.layerParameterCount(layers[b]);
        List<Integer> steps = new ArrayList<>(rounds * layerOrder.size());
        for (int r = 0; r < rounds; r++) steps.addAll(layerOrder);
        this.schedule = List.copyOf(steps);
        this.roundLength = layerOrder.size();
        this.inputs = inputs;
        this.targets = targets;
        this.loss = loss;
        this.validation = validation;
        this.threads = threads;
    }

    /** The layers to train, in order, every round. */
    List<Integer> schedule() {
        return schedule;
    }

    /** Steps per round: the length of the layer list. */
    int roundLength() {
        return roundLength;
    }

    /** The program training {@code layer} of the network whose scheduled layers are {@code point}. */
    LayerTrainingProgram blockProgram(int layer, double[] point) {
        return new LayerTrainingProgram(decode(point), layer, inputs, targets, loss, threads);
    }

    /** The loss of all scheduled layers together, for a gradient method that trains them jointly. */
    JointTraining joint() {
        return new JointTraining(network, layers, offsets, inputs, targets, loss);
    }

    /** Layer {@code layer}'s parameters within point (a copy). */
    double[] block(int layer, double[] point) {
        int b = indexOf(layer);
        double[] theta = new double[offsets[b + 1] - offsets[b]];
        System.arraycopy(point, offsets[b], theta, 0, theta.length);
        return theta;
    }

    /** Writes theta as layer {@code layer}'s parameters into point. */
    void setBlock(int layer, double[] theta, double[] point) {
        System.arraycopy(theta, 0, point, offsets[indexOf(layer)], theta.length);
    }

    /** Refused: several layers together are not one ReLU program. */
    @Override
    public ReluProgram program() {
        throw new UnsupportedOperationException("model \"" + ReluLayerwiseModel.NAME + "\" trains one layer at a time: "
                + "use solver method \"" + BlockCoordinateMethod.NAME + "\"");
    }

    @Override
    public double[] start() {
        double[] start = new double[offsets[layers.length]];
        for (int b = 0; b < layers.length; b++) {
            double[] theta = network.layerParameters(layers[b]);
            System.arraycopy(theta, 0, start, offsets[b], theta.length);
        }
        return start;
    }

    @Override
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>(offsets[layers.length]);
        for (int layer : layers) names.addAll(LayerTrainingProblem.names(network, layer));
        return List.copyOf(names);
    }

    /** Writes the trained network as network.json and network.safetensors. */
    @Override
    public void writeArtifacts(double[] solution, Path runDirectory) throws IOException {
        Network trained = decode(solution);
        trained.write(runDirectory.resolve(LayerTrainingProblem.ARTIFACT));
        trained.write(runDirectory.resolve(LayerTrainingProblem.SAFETENSORS_ARTIFACT));
    }

    /** The loss on the validation rows of the trained network; none without validation rows. */
    @Override
    public Map<String, Double> evaluate(double[] solution) {
        return validation == null ? Map.of() : validation.evaluate(decode(solution));
    }

    /** The network with every scheduled layer set from point. */
    Network decode(double[] point) {
        Network decoded = network;
        for (int layer : layers) decoded = decoded.withLayerParameters(layer, block(layer, point));
        return decoded;
    }

    private int indexOf(int layer) {
        for (int b = 0; b < layers.length; b++) {
            if (layers[b] == layer) return b;
        }
        throw new IllegalArgumentException("layer " + layer + " is not scheduled");
    }
}

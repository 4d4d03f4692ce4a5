package org.drlp.model.relu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.drlp.spi.Problem;
import org.drlp.spi.ReluProgram;

/** Training one layer of a network: names the parameters L{l}.w[k,j], L{l}.b[k] and writes the trained network. */
final class LayerTrainingProblem implements Problem {

    static final String ARTIFACT = "network.json";
    /** The same network for PyTorch users: an nn.Sequential state_dict in F64 (see {@link SafetensorsFile}). */
    static final String SAFETENSORS_ARTIFACT = "network.safetensors";

    private final Network network;
    private final int layer;
    private final LayerTrainingProgram program;
    private final double[] start;
    private final HeldOut validation;

    /** @param validation held-out rows to measure the trained network on; null: none */
    LayerTrainingProblem(Network network, int layer, LayerTrainingProgram program, double[] start, HeldOut validation) {
        this.network = network;
        this.layer = layer;
        this.program = program;
        this.start = start.clone();
        this.validation = validation;
    }

    @Override
    public ReluProgram program() {
        return program;
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    /** In theta's order, neuron by neuron, 1-based: L2.w[1,1], ..., L2.w[1,d], L2.b[1], L2.w[2,1], ... */
    @Override
    public List<String> parameterNames() {
        return names(network, layer);
    }

    static List<String> names(Network network, int layer) {
        int rows = network.width(layer), columns = network.width(layer - 1);
        List<String> names = new ArrayList<>(rows * (columns + 1));
        for (int k = 1; k <= rows; k++) {
            for (int j = 1; j <= columns; j++) names.add("L" + layer + ".w[" + k + "," + j + "]");
            names.add("L" + layer + ".b[" + k + "]");
        }
        return List.copyOf(names);
    }

    /** Writes the network with the trained layer in place as network.json and network.safetensors. */
    @Override
    public void writeArtifacts(double[] solution, Path runDirectory) throws IOException {
        Network trained = network.withLayerParameters(layer, solution);
        trained.write(runDirectory.resolve(ARTIFACT));
        trained.write(runDirectory.resolve(SAFETENSORS_ARTIFACT));
    }

    /** The loss on the validation rows of the network with the trained layer; none without validation rows. */
    @Override
    public Map<String, Double> evaluate(double[] solution) {
        return validation == null ? Map.of() : validation.evaluate(network.withLayerParameters(layer, solution));
    }
}

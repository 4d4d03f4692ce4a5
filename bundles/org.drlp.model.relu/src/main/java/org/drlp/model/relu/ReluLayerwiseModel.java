package org.drlp.model.relu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.drlp.api.ParameterException;
import org.drlp.api.ParameterSpec;
import org.drlp.api.ParameterType;
import org.drlp.api.Parameters;
import org.drlp.spi.CheckContext;
import org.drlp.spi.Dataset;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.ProblemForm;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * {@code relu-layerwise}: trains the listed layers of a fixed network one at a time, round after
 * round, from the network's own weights, with the run's loss. Solved by the method
 * {@code block-coordinate}; the loss never rises.
 */
@Component(service = ModelProvider.class, property = "name=relu-layerwise")
public final class ReluLayerwiseModel implements ModelProvider {

    static final String NAME = "relu-layerwise";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.path("network", null, "the network file (JSON: {\"layers\": [{\"weights\", \"biases\"}, ...]})"),
            ParameterSpec.list("layers", ParameterType.INTEGER_LIST, null,
                    "layers to train in turn each round, 1..L+1").withRange(1, false, Integer.MAX_VALUE, false),
            ParameterSpec.integer("rounds", 1L, "passes over the layer list").withRange(1, false, Integer.MAX_VALUE, false),
            HeldOut.SPEC,
            ReluLayerModel.THREADS);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "train several layers of a fixed ReLU network in turn (block-coordinate descent; method block-coordinate)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** Solved by block-coordinate alone; the network file reads, has every listed layer and takes the data's features. */
    /** Several layers in turn: no single program, so only a method that accepts LAYERWISE solves it. */
    @Override
    public ProblemForm problemForm(Parameters parameters) {
        return ProblemForm.LAYERWISE;
    }

    @Override
    public void check(Parameters parameters, CheckContext context) {
        List<Long> layers = parameters.integers("layers");
        if (layers.isEmpty()) context.problem("layers", "layers is empty: list the layers to train");
        Network network = NetworkChecks.read(parameters, context);
        if (network == null) return;
        for (long layer : layers) {
            String problem = NetworkChecks.layerProblem((int) layer, network, parameters.path("network"));
            if (problem != null) context.problem("layers", problem);
        }
        NetworkChecks.inputs(network, parameters.path("network"), context);
        HeldOut.check(parameters, network, context);
    }

    @Override
    public Problem build(Dataset data, PiecewiseLinearLoss loss, Parameters parameters) throws IOException {
        Path file = parameters.path("network");
        Network network = Network.read(file);
        List<Integer> layers = parameters.integers("layers").stream().map(Math::toIntExact).toList();
        if (layers.isEmpty()) throw new ParameterException(parameters.owner() + ": layers is empty");
        for (int layer : layers) {
            String problem = NetworkChecks.layerProblem(layer, network, file);
            if (problem != null) throw new ParameterException(parameters.owner() + ": " + problem);
        }
        ReluLayerModel.requireInputs(data, network, file, parameters);
        return new LayerwiseProblem(network, layers, parameters.intValue("rounds"), data.features(), data.target(), loss,
                HeldOut.load(parameters, network, file, loss), ReluLayerModel.threads(parameters));
    }
}

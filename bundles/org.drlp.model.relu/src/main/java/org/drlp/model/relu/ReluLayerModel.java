package org.drlp.model.relu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.drlp.api.ParameterException;
import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.CheckContext;
import org.drlp.spi.Dataset;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * {@code relu-layer}: trains one layer of a fixed ReLU network with the run's loss on the residual
 * F(x_i) - y_i, the other layers fixed. The data set's features are the network's inputs, in column
 * order. Training the output layer is piecewise-linear regression on the last hidden layer's outputs.
 */
@Component(service = ModelProvider.class, property = "name=relu-layer")
public final class ReluLayerModel implements ModelProvider {

    static final String NAME = "relu-layer";

    /** Shared with relu-layerwise: threads of the training program's passes over the data. */
    static final ParameterSpec THREADS = ParameterSpec.integer("threads", 0L,
            "threads of the passes over the data per pivot (0: every core); the result is the same bit for bit "
                    + "for any number").withRange(0, false, 4096, false);

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.path("network", null, "the network file (JSON: {\"layers\": [{\"weights\", \"biases\"}, ...]})"),
            ParameterSpec.integer("layer", 1L, "layer to train, 1..L+1 (L+1 is the affine output layer)")
                    .withRange(1, false, Integer.MAX_VALUE, false),
            ParameterSpec.string("start", "current", "start point: the network's own weights of the layer, or uniform random")
                    .withChoices("current", "random"),
            ParameterSpec.real("startLow", -1.0, "lower bound of a uniform random start"),
            ParameterSpec.real("startHigh", 1.0, "upper bound of a uniform random start"),
            ParameterSpec.seed("seed", 1L, "seed of a random start"),
            HeldOut.SPEC,
            THREADS);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "train one layer of a fixed ReLU network (others fixed) with the loss; output layer = regression on features";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** The network file reads, has the layer, takes as many inputs as the data has features; a random start's range. */
    @Override
    public void check(Parameters parameters, CheckContext context) {
        if (parameters.string("start").equals("random")) {
            String range = NetworkChecks.rangeProblem(parameters.real("startLow"), parameters.real("startHigh"));
            if (range != null) context.problem("startLow", range);
        }
        Network network = NetworkChecks.read(parameters, context);
        if (network == null) return;
        String layer = NetworkChecks.layerProblem(parameters.intValue("layer"), network, parameters.path("network"));
        if (layer != null) context.problem("layer", layer);
        NetworkChecks.inputs(network, parameters.path("network"), context);
        HeldOut.check(parameters, network, context);
    }

    @Override
    public Problem build(Dataset data, PiecewiseLinearLoss loss, Parameters parameters) throws IOException {
        Path file = parameters.path("network");
        Network network = Network.read(file);
        int layer = parameters.intValue("layer");
        String problem = NetworkChecks.layerProblem(layer, network, file);
        if (problem != null) throw new ParameterException(parameters.owner() + ": " + problem);
        requireInputs(data, network, file, parameters);
        LayerTrainingProgram program = new LayerTrainingProgram(network, layer, data.features(), data.target(), loss,
                threads(parameters));
        return new LayerTrainingProblem(network, layer, program, start(network, layer, parameters),
                HeldOut.load(parameters, network, file, loss));
    }

    /** The threads parameter, 0 standing for every core the JVM sees. */
    static int threads(Parameters parameters) {
        int threads = parameters.intValue("threads");
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** The data's feature columns, in order, are the network's inputs. */
    static void requireInputs(Dataset data, Network network, Path file, Parameters parameters) {
        if (data.columns() != network.inputDimension()) {
            throw new IllegalArgumentException(parameters.owner() + ": the data set " + data.source() + " has "
                    + data.columns() + " feature columns " + data.featureNames() + " but the network " + file
                    + " takes " + network.inputDimension() + " inputs");
        }
    }

    private static double[] start(Network network, int layer, Parameters parameters) {
        if (parameters.string("start").equals("current")) return network.layerParameters(layer);
        double low = parameters.real("startLow"), high = parameters.real("startHigh");
        String range = NetworkChecks.rangeProblem(low, high);
        if (range != null) throw new ParameterException(parameters.owner() + ": " + range);
        SplittableRandom random = new SplittableRandom(parameters.integer("seed"));
        double[] start = new double[network.layerParameterCount(layer)];
        for (int i = 0; i < start.length; i++) start[i] = random.nextDouble(low, high);
        return start;
    }
}

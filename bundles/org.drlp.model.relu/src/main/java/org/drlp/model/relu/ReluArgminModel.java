package org.drlp.model.relu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.drlp.api.ParameterException;
import org.drlp.api.ParameterSpec;
import org.drlp.api.ParameterType;
import org.drlp.api.Parameters;
import org.drlp.spi.CheckContext;
import org.drlp.spi.Dataset;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * {@code relu-argmin}: minimises a fixed ReLU network over its input from a given, zero or uniform
 * random start. It uses no data and no loss: a spec may leave out both sections (if it has them,
 * they are loaded and ignored). Ends LOCAL_MINIMUM, OPTIMAL when the network is recognisably convex, or UNBOUNDED.
 */
@Component(service = ModelProvider.class, property = "name=relu-argmin")
public final class ReluArgminModel implements ModelProvider {

    static final String NAME = "relu-argmin";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.path("network", null, "the network file (JSON: {\"layers\": [{\"weights\", \"biases\"}, ...]})"),
            ParameterSpec.list("start", ParameterType.REAL_LIST, null, "start point, one value per input; default zeros")
                    .asOptional(),
            ParameterSpec.real("startLow", null, "with startHigh: a uniform random start instead").asOptional(),
            ParameterSpec.real("startHigh", null, "with startLow: a uniform random start instead").asOptional(),
            ParameterSpec.seed("seed", 1L, "seed of a random start"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "minimise a fixed ReLU network over its input (no data or loss section needed)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** The network alone defines the program: a spec needs no data and no loss section. */
    @Override
    public boolean usesDataAndLoss() {
        return false;
    }

    /** The network file reads; the start is one way or the other, of the network's input size, or a range. */
    @Override
    public void check(Parameters parameters, CheckContext context) {
        String start = startProblem(parameters);
        if (start != null) context.problem("start", start);
        Network network = NetworkChecks.read(parameters, context);
        if (network != null && start == null && parameters.has("start")
                && parameters.reals("start").size() != network.inputDimension()) {
            context.problem("start", sizeProblem(parameters.reals("start").size(), network.inputDimension(),
                    parameters.path("network")));
        }
    }

    /** Null when the start parameters are consistent (one way to start, a range with low < high). */
    private static String startProblem(Parameters parameters) {
        boolean low = parameters.has("startLow"), high = parameters.has("startHigh");
        if ((low || high) && parameters.has("start")) return "give either start or startLow and startHigh, not both";
        if (low != high) return "give both startLow and startHigh for a random start, or neither";
        return low ? NetworkChecks.rangeProblem(parameters.real("startLow"), parameters.real("startHigh")) : null;
    }

    private static String sizeProblem(int given, int dimension, Path file) {
        return "start has " + given + " values but the network " + file + " takes " + dimension + " inputs";
    }

    @Override
    public Problem build(Dataset data, PiecewiseLinearLoss loss, Parameters parameters) throws IOException {
        Path file = parameters.path("network");
        Network network = Network.read(file);
        double[] start = start(network.inputDimension(), file, parameters);
        return new ArgminProblem(new ArgminProgram(network), start);
    }

    private static double[] start(int dimension, Path file, Parameters parameters) {
        String problem = startProblem(parameters);
        if (problem != null) throw new ParameterException(parameters.owner() + ": " + problem);
        boolean random = parameters.has("startLow");
        double[] start = new double[dimension];
        if (random) {
            double low = parameters.real("startLow"), high = parameters.real("startHigh");
            SplittableRandom generator = new SplittableRandom(parameters.integer("seed"));
            for (int i = 0; i < dimension; i++) start[i] = generator.nextDouble(low, high);
        } else if (parameters.has("start")) {
            List<Double> given = parameters.reals("start");
            if (given.size() != dimension) {
                throw new ParameterException(parameters.owner() + ": " + sizeProblem(given.size(), dimension, file));
            }
            for (int i = 0; i < dimension; i++) start[i] = given.get(i);
        }
        return start;
    }
}

package org.drlp.method.compose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.drlp.api.Parameters;
import org.drlp.api.PluginChoice;
import org.drlp.data.SyntheticDataSource;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.loss.AbsoluteLoss;
import org.drlp.model.relu.AdamMethod;
import org.drlp.model.relu.ReluLayerModel;
import org.drlp.pivot.DantzigRule;
import org.drlp.spi.Plugin;
import org.drlp.spi.PluginRole;
import org.drlp.spi.Problem;
import org.drlp.spi.SolverMethod;

/** Real training problems for the tests: the first layer of the paper's 4-5-4-2-1 network on synthetic rows. */
final class TrainingProblems {

    static final Path NETWORK = Path.of("../../examples/networks/paper-4-5-4-2-1.json").toAbsolutePath().normalize();

    private TrainingProblems() {
    }

    /** A fresh problem: the same rows, the same random start, a program of its own. */
    static Problem firstLayer(int rows, long seed) throws IOException {
        SyntheticDataSource source = new SyntheticDataSource();
        var data = source.load(Parameters.resolve("data", source.parameters(), Map.of("n", rows, "p", 4, "seed", seed), null));
        AbsoluteLoss absolute = new AbsoluteLoss();
        var loss = absolute.create(Parameters.defaults("loss", absolute.parameters()));
        ReluLayerModel model = new ReluLayerModel();
        return model.build(data, loss, Parameters.resolve("model", model.parameters(), Map.of("network",
                NETWORK.toString(), "layer", 1, "start", "random", "startLow", -2.0, "startHigh", 2.0, "seed", seed), null));
    }

    static PluginChoice dantzig() {
        DantzigRule rule = new DantzigRule();
        return new PluginChoice(PluginRole.PIVOT.id(), rule.name(), rule, Parameters.defaults("pivot", rule.parameters()));
    }

    static PluginChoice method(SolverMethod method, Map<String, ?> given) {
        return new PluginChoice(PluginRole.METHOD.id(), method.name(), method, parameters(method, given));
    }

    static PluginChoice walk() {
        return method(new VertexWalkSolver(), Map.of("pivot", dantzig()));
    }

    static PluginChoice adam(int epochs) {
        return method(new AdamMethod(), Map.of("epochs", epochs, "learningRate", 0.05));
    }

    static Parameters parameters(Plugin plugin, Map<String, ?> given) {
        return Parameters.resolve("solver method \"" + plugin.name() + "\"", plugin.parameters(), given, null);
    }

    /** The objective at the point, on a problem built afresh from the same data. */
    static double freshObjective(int rows, long seed, double[] point) throws IOException {
        Problem fresh = firstLayer(rows, seed);
        fresh.program().reset(point);
        return fresh.program().value();
    }
}

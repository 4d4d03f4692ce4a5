package org.drlp.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/** What a model builds from data and a loss: the program to minimise, where to start, and names. */
@ConsumerType // implemented by model plugins
public interface Problem {

    ReluProgram program();

    /** Start point, length {@code program().dimension()}. */
    double[] start();

    /** Name of each coordinate of the program's input; {@code intercept} for an intercept. */
    List<String> parameterNames();

    /** Writes model-specific artifacts of a solution (a trained network, say) into a run's folder. */
    default void writeArtifacts(double[] solution, Path runDirectory) throws IOException {
    }

    /**
     * Measures of a solution beyond its objective, by name, for the run's {@code evaluation} in
     * results.json: the loss on held-out validation rows, say. The default: none.
     *
     * @since 2.0
     */
    default Map<String, Double> evaluate(double[] solution) {
        return Map.of();
    }
}

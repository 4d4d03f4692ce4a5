package org.drlp.model.relu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.drlp.api.Parameters;
import org.drlp.spi.CheckContext;

/** The checks the ReLU models share before anything runs: the network file, its layers, its inputs. */
final class NetworkChecks {

    private NetworkChecks() {
    }

    /** The network named by the {@code network} parameter, or null after reporting why it cannot be read. */
    static Network read(Parameters parameters, CheckContext context) {
        Path file = parameters.path("network");
        if (Files.isDirectory(file)) {
            context.problem("network", file + ": a directory, not a network file");
            return null;
        }
        if (Files.exists(file) && !Files.isReadable(file)) {
            context.problem("network", file + ": not readable (permission denied)");
            return null;
        }
        try {
            return Network.read(file);
        } catch (NetworkFormatException e) {
            context.problem("network", e.getMessage());
        } catch (IOException e) {
            context.problem("network", file + ": cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return null;
    }

    /** Null when {@code layer} is one of the network's, else what is wrong. */
    static String layerProblem(int layer, Network network, Path file) {
        int last = network.hiddenLayers() + 1;
        return layer <= last ? null
                : "layer " + layer + " does not exist; the network " + file + " has layers 1.." + last
                        + " (" + last + " is the output layer)";
    }

    /** The data's feature columns are the network's inputs: as many of them, when the data can tell. */
    static void inputs(Network network, Path file, CheckContext context) {
        Optional<List<String>> features = context.featureNames();
        if (features.isPresent() && features.get().size() != network.inputDimension()) {
            context.problem("network", "the data has " + features.get().size() + " feature columns "
                    + features.get() + " but the network " + file + " takes " + network.inputDimension() + " inputs");
        }
    }

    /** Null when low < high, else what is wrong. */
    static String rangeProblem(double low, double high) {
        return low < high ? null : "startLow = " + low + " must be below startHigh = " + high;
    }
}

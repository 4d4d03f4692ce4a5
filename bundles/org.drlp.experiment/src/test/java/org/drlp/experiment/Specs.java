package org.drlp.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Writes spec files for tests and reads results back. */
final class Specs {

    private Specs() {
    }

    /** Quantile regression of the stack-loss data at five levels, each with two pivot rules: ten runs. */
    static final String QUANTILES = """
            {
              "name": "quantiles",
              "data": {"source": "stackloss"},
              "model": {"type": "linear", "intercept": true},
              "loss": {"type": "quantile"},
              "sweep": {"loss.tau": [0.1, 0.25, 0.5, 0.75, 0.9], "solver.pivot": ["dantzig", "bland"]}
            }
            """;

    static Path write(Path directory, String fileName, String text) {
        try {
            return Files.writeString(directory.resolve(fileName), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Temporary files left in a folder (an atomic write that did not finish). */
    static List<String> temporaryFiles(Path outputDirectory) {
        try (Stream<Path> files = Files.list(outputDirectory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".tmp")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject results(Path outputDirectory) {
        try {
            return JsonParser.parseString(Files.readString(outputDirectory.resolve("results.json"))).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.drlp.spi.PluginRole;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** What a run needs to be repeated: spec.json, the plugins' bundles, the Java and the machine. */
class ReproducibilityTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    @Test
    void runningTheCopiedSpecAgainGivesTheSameObjectives() throws Exception {
        plugins.registry.add(PluginRole.DATA, new TestPlugins.StackLossFile(), plugins.reference("test.data"));
        Path specFolder = Files.createDirectories(directory.resolve("experiments"));
        Files.writeString(Files.createDirectories(directory.resolve("data")).resolve("rows.txt"), "21");
        Files.writeString(directory.resolve("data/few.txt"), "12");
        Path spec = Specs.write(specFolder, "quantiles.json", """
                {
                  "data": {"source": "stackloss-file", "path": "../data/rows.txt"},
                  "model": {"type": "linear", "intercept": true},
                  "loss": {"type": "quantile"},
                  "sweep": {"data.path": ["../data/rows.txt", "../data/few.txt"], "loss.tau": [0.3, 0.7]}
                }
                """);
        Path first = directory.resolve("first");
        ExperimentSummary original = plugins.runner().run(spec, first, RunListener.NONE);
        assertEquals(0, original.failures());

        JsonObject copy = JsonParser.parseString(Files.readString(first.resolve("spec.json"))).getAsJsonObject();
        assertEquals("quantiles", copy.get("name").getAsString(), "the name taken from the file name is kept");
        assertEquals(directory.resolve("data/rows.txt").toString(),
                copy.getAsJsonObject("data").get("path").getAsString());
        assertEquals(directory.resolve("data/few.txt").toString(),
                copy.getAsJsonObject("sweep").getAsJsonArray("data.path").get(1).getAsString());

        ExperimentSummary again = plugins.runner().run(first.resolve("spec.json"), directory.resolve("again"),
                RunListener.NONE);
        assertEquals(original.name(), again.name());
        assertEquals(4, again.runs().size());
        for (int i = 0; i < 4; i++) {
            assertEquals(original.runs().get(i).sweep().get("loss.tau"), again.runs().get(i).sweep().get("loss.tau"));
            assertEquals(original.runs().get(i).objective(), again.runs().get(i).objective(), 0.0);
        }
        assertTrue(original.runs().get(0).objective() != original.runs().get(2).objective(), "the data path matters");
    }

    @Test
    void resultsNameThePluginBundlesAndTheEnvironment() throws Exception {
        Path output = directory.resolve("out");
        plugins.runner().run(Specs.write(directory, "quantiles.json", Specs.QUANTILES), output, RunListener.NONE);
        JsonObject results = Specs.results(output);
        JsonObject environment = results.getAsJsonObject("environment");
        assertEquals(System.getProperty("java.version"), environment.get("java.version").getAsString());
        assertEquals(System.getProperty("os.name"), environment.get("os.name").getAsString());
        assertEquals(System.getProperty("os.arch"), environment.get("os.arch").getAsString());
        assertEquals("spec.json", results.get("specCopy").getAsString());
        assertTrue(Files.exists(output.resolve("spec.json")));

        JsonObject used = results.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonObject("plugins");
        assertEquals("org.drlp.kernel", used.getAsJsonObject("method").get("bundle").getAsString());
        assertEquals("org.drlp.model.linear", used.getAsJsonObject("model").get("bundle").getAsString());
        assertEquals("test.loss", used.getAsJsonObject("loss").get("bundle").getAsString());
        assertEquals("test.pivot", used.getAsJsonObject("solver.pivot").get("bundle").getAsString());
        assertEquals("test.data", used.getAsJsonObject("data").get("bundle").getAsString());
        assertEquals("1.2.3", used.getAsJsonObject("data").get("version").getAsString());
    }
}

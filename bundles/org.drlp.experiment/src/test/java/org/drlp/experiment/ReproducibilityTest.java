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

    @Test
    void everyRunRecordsWhereItRanWhenWithWhatAndTheHashOfEveryFileItRead() throws Exception {
        plugins.registry.add(PluginRole.DATA, new TestPlugins.StackLossFile(), plugins.reference("test.data"));
        Path data = Files.createDirectories(directory.resolve("data"));
        Files.writeString(data.resolve("rows.txt"), "21\n");
        Files.writeString(data.resolve("few.txt"), "12\n");
        Path spec = Specs.write(directory, "files.json", """
                {
                  "data": {"source": "stackloss-file", "path": "data/rows.txt"},
                  "model": {"type": "linear", "intercept": true},
                  "loss": {"type": "quantile"},
                  "sweep": {"data.path": ["data/rows.txt", "data/few.txt"]}
                }
                """);
        Path output = directory.resolve("out");
        java.time.Instant before = java.time.Instant.now();
        plugins.runner().run(spec, output, RunListener.NONE);
        java.time.Instant after = java.time.Instant.now();
        JsonObject results = Specs.results(output);
        JsonObject environment = results.getAsJsonObject("environment");
        assertEquals(Runtime.getRuntime().availableProcessors(), environment.get("cores").getAsInt());
        assertTrue(!environment.get("host").getAsString().isBlank());
        assertTrue(!environment.get("cpu").getAsString().isBlank());
        assertEquals(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().size(),
                environment.getAsJsonArray("jvmFlags").size());
        assertTrue(results.has("finished"));
        String commit = gitHead();
        if (commit != null) {
            assertEquals(commit, environment.getAsJsonObject("workbench").get("commit").getAsString(),
                    "the commit this build comes from");
        }
        String[] files = {"rows.txt", "few.txt"};
        for (int i = 0; i < 2; i++) {
            JsonObject provenance = results.getAsJsonArray("runs").get(i).getAsJsonObject().getAsJsonObject("provenance");
            java.time.Instant started = java.time.Instant.parse(provenance.get("started").getAsString());
            java.time.Instant ended = java.time.Instant.parse(provenance.get("ended").getAsString());
            assertTrue(!started.isBefore(before) && !ended.isBefore(started) && !after.isBefore(ended));
            assertEquals(results.get("specHash"), provenance.get("specHash"));
            assertEquals(environment.get("host"), provenance.get("host"));
            assertEquals(System.getProperty("java.version"), provenance.get("java.version").getAsString());
            com.google.gson.JsonArray read = provenance.getAsJsonArray("dataFiles");
            assertEquals(1, read.size(), read.toString());
            JsonObject file = read.get(0).getAsJsonObject();
            assertEquals("data.path", file.get("parameter").getAsString());
            Path expected = data.resolve(files[i]);
            assertEquals(expected.toAbsolutePath().normalize().toString(), file.get("file").getAsString());
            String independent = sha256sum(expected);
            if (independent != null) assertEquals(independent, file.get("sha256").getAsString());
        }
        assertTrue(!results.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonObject("provenance")
                .getAsJsonArray("dataFiles").get(0).getAsJsonObject().get("sha256").equals(
                        results.getAsJsonArray("runs").get(1).getAsJsonObject().getAsJsonObject("provenance")
                                .getAsJsonArray("dataFiles").get(0).getAsJsonObject().get("sha256")),
                "different files, different hashes");
    }

    /** coreutils' sha256sum of the file, an implementation independent of the JDK's; null where there is none. */
    private static String sha256sum(Path file) {
        try {
            Process process = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? output.split("\\s+")[0] : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The checkout's HEAD, or null outside a git checkout (where the build records "unknown"). */
    private static String gitHead() {
        try {
            Process process = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 && output.matches("[0-9a-f]{40}") ? output : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

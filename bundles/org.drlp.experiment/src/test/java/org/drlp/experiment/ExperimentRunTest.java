package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** End to end with the real vertex walk and linear model: results.json, trace.csv, dual.csv, failures. */
class ExperimentRunTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    private static final String STACKLOSS_LAD = """
            {
              "name": "stackloss-lad",
              "data": {"source": "stackloss"},
              "model": {"type": "linear", "intercept": true},
              "loss": {"type": "absolute"},
              "solver": {"method": "vertex-walk", "pivot": "dantzig", "lineSearch": "harris"}
            }
            """;

    @Test
    void stackLossLeastAbsoluteDeviationsIsTheKnownExactFit() throws Exception {
        Path spec = Specs.write(directory, "lad.json", STACKLOSS_LAD);
        Path output = directory.resolve("out");
        ExperimentSummary summary = plugins.runner().run(spec, output, RunListener.NONE);
        assertEquals(0, summary.failures());
        assertEquals(14518.0 / 345, summary.runs().get(0).objective(), 1e-9);

        JsonObject results = Specs.results(output);
        assertEquals("stackloss-lad", results.get("name").getAsString());
        assertEquals(spec.toAbsolutePath().toString(), results.get("spec").getAsString());
        JsonObject run = results.getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals(0, run.get("index").getAsInt());
        assertEquals("000", run.get("label").getAsString());
        assertEquals("OPTIMAL", run.get("status").getAsString());
        assertEquals(14518.0 / 345, run.get("objective").getAsDouble(), 1e-9);
        JsonObject parameters = run.getAsJsonObject("parameters");
        assertEquals(List.of("Air.Flow", "Water.Temp", "Acid.Conc.", "intercept"), List.copyOf(parameters.keySet()));
        assertEquals(-13693.0 / 345, parameters.get("intercept").getAsDouble(), 1e-9);
        assertEquals(287.0 / 345, parameters.get("Air.Flow").getAsDouble(), 1e-9);
        assertTrue(run.get("iterations").getAsLong() > 0);
        assertTrue(run.get("message").isJsonNull());
        JsonObject certificate = run.getAsJsonObject("certificate");
        assertEquals(14518.0 / 345, certificate.get("recomputedObjective").getAsDouble(), 1e-9);
        assertEquals(8, certificate.get("edges").getAsInt());
        assertTrue(certificate.get("minEdgeSlope").getAsDouble() >= -certificate.get("slopeTolerance").getAsDouble());

        JsonObject solver = run.getAsJsonObject("config").getAsJsonObject("solver");
        assertEquals("vertex-walk", solver.get("method").getAsString());
        assertEquals("dantzig", solver.getAsJsonObject("pivot").get("type").getAsString());
        assertEquals("harris", solver.getAsJsonObject("lineSearch").get("type").getAsString());
        assertEquals("bland-after", solver.getAsJsonObject("antiCycling").get("type").getAsString(), "defaults are recorded");
        assertEquals(50, solver.getAsJsonObject("antiCycling").get("zeroSteps").getAsLong());
        assertEquals(10_000_000L, solver.get("maxIterations").getAsLong(), "defaults are recorded");
        assertEquals(21, run.getAsJsonObject("config").getAsJsonObject("data").get("rows").getAsInt());

        assertEquals("runs/000/dual.csv", run.get("dual").getAsString());
        List<String> dual = Files.readAllLines(output.resolve("runs/000/dual.csv"));
        assertEquals("dual", dual.get(0));
        assertEquals(22, dual.size(), "one row per data point");
        assertEquals("runs/000/trace.csv", run.get("trace").getAsString());
        assertEquals(List.of(), Specs.temporaryFiles(output));
    }

    @Test
    void traceObjectiveNeverRises() throws Exception {
        Path spec = Specs.write(directory, "lad.json", STACKLOSS_LAD);
        Path output = directory.resolve("out");
        plugins.runner().run(spec, output, RunListener.NONE);
        List<String> lines = Files.readAllLines(output.resolve("runs/000/trace.csv"));
        assertEquals(TraceWriter.HEADER, lines.get(0));
        assertTrue(lines.size() > 2, "several steps");
        double previous = Double.POSITIVE_INFINITY;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertEquals(8, cells.length, line);
            assertTrue(cells[0].equals("start") || cells[0].equals("final"),
                    "a walk without presolve: its free-direction phase, then the walk: " + line);
            double objective = Double.parseDouble(cells[2]);
            assertTrue(objective <= previous + 1e-9 * Math.max(1, Math.abs(previous)), line);
            previous = objective;
        }
        assertEquals(14518.0 / 345, previous, 1e-9);
    }

    @Test
    void failingRunIsRecordedAndTheSweepGoesOn() throws Exception {
        Path spec = Specs.write(directory, "mixed.json", """
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "absolute"},
                  "sweep": {"data.source": ["stackloss", "broken", "stackloss"]},
                  "trace": false
                }
                """);
        Path output = directory.resolve("out");
        List<String> events = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void experimentStarted(String name, int runs) {
                events.add("started " + name + " " + runs);
            }

            @Override
            public void runStarted(int index, String label) {
                events.add("run " + label);
            }

            @Override
            public void runFinished(int index, String label, SolveStatus status, double objective, double seconds) {
                JsonArray runs = Specs.results(output).getAsJsonArray("runs");
                assertEquals(index + 1, runs.size(), "results.json is complete after every run");
                events.add("finished " + index + " " + status);
            }
        };
        ExperimentSummary summary = plugins.runner().run(spec, output, listener);
        assertEquals(List.of("started mixed 3",
                "run 000 data.source=stackloss", "finished 0 OPTIMAL",
                "run 001 data.source=broken", "finished 1 FAILED",
                "run 002 data.source=stackloss", "finished 2 OPTIMAL"), events);
        assertEquals(1, summary.failures());
        assertEquals("loading data: broken.csv:3:2: \"x\" is not a number", summary.runs().get(1).message());

        JsonObject failed = Specs.results(output).getAsJsonArray("runs").get(1).getAsJsonObject();
        assertEquals("FAILED", failed.get("status").getAsString());
        assertEquals("loading data: broken.csv:3:2: \"x\" is not a number", failed.get("message").getAsString());
        assertTrue(failed.get("objective").isJsonNull(), "NaN is written as null");
        assertTrue(failed.get("parameters").isJsonNull());
        assertTrue(failed.get("certificate").isJsonNull());
        assertTrue(failed.get("trace").isJsonNull());
        assertEquals("broken", failed.getAsJsonObject("config").getAsJsonObject("data").get("source").getAsString());
        assertEquals(14518.0 / 345, summary.runs().get(2).objective(), 1e-9);
    }

    @Test
    void aPluginThatThrowsWhileBuildingFailsOnlyItsRun() throws Exception {
        Path spec = Specs.write(directory, "features.json", """
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "absolute"},
                  "sweep": {"model.features": [["Air.Flow"], ["Air.Flow", "Nope"]]}
                }
                """);
        ExperimentSummary summary = plugins.runner().run(spec, directory.resolve("out"), RunListener.NONE);
        assertEquals(SolveStatus.OPTIMAL, summary.runs().get(0).status());
        assertEquals(SolveStatus.FAILED, summary.runs().get(1).status());
        assertTrue(summary.runs().get(1).message().startsWith("building the model: model \"linear\": unknown feature "
                + "\"Nope\""), summary.runs().get(1).message());
        assertEquals("001 model.features=[\"Air.Flow\",\"Nope\"]", summary.runs().get(1).label());
    }
}

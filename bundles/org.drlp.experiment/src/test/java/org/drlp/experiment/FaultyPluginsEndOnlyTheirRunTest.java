package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A sweep through pivot rules that throw (an exception or an Error), choose an edge out of range,
 * a non-improving one, a NaN-derived one, or never return: each such run ends FAILED or TIME_LIMIT
 * with its reason, the good runs around them are exact, results.json parses after every run, and
 * drlp.log holds the stack trace of every plugin that threw or hung.
 */
class FaultyPluginsEndOnlyTheirRunTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    private final AtomicBoolean release = new AtomicBoolean();

    @AfterEach
    void releaseHungThreads() {
        release.set(true);
    }

    @Test
    void everyFaultyPivotRuleFailsOnlyItsRunAndResultsStayValid() throws Exception {
        FaultyPlugins.register(plugins, release);
        Path spec = Specs.write(directory, "faulty.json", """
                {
                  "name": "faulty",
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "absolute"},
                  "solver": {"timeLimitSeconds": 1},
                  "sweep": {"solver.pivot": ["dantzig", "throws", "assertion", "out-of-range", "non-improving",
                                             "nan", "never-returns", "bland"]},
                  "trace": false
                }
                """);
        Path output = directory.resolve("out");
        List<Integer> recordsSeen = new ArrayList<>();
        Map<Integer, String> details = new TreeMap<>();
        RunListener listener = new RunListener() {
            @Override
            public void runFailureDetails(int index, String label, String stackTrace) {
                assertTrue(Files.exists(output.resolve("drlp.log")), "logged before the listener hears of it");
                details.put(index, stackTrace);
            }

            @Override
            public void runFinished(int index, String label, SolveStatus status, double objective, double seconds) {
                JsonArray runs = Specs.results(output).getAsJsonArray("runs"); // parses, or the test fails
                recordsSeen.add(runs.size());
                assertEquals(List.of(), Specs.temporaryFiles(output));
            }
        };
        ExperimentSummary summary = plugins.runner().run(spec, output, listener);

        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), recordsSeen, "results.json holds every finished run");
        List<ExperimentSummary.Run> runs = summary.runs();
        assertEquals(14518.0 / 345, runs.get(0).objective(), 1e-9);
        assertEquals(14518.0 / 345, runs.get(7).objective(), 1e-9, "the sweep went on after the hung run");
        assertFailed(runs.get(1), "pivot rule threw IllegalStateException: rule state corrupted");
        assertFailed(runs.get(2), "AssertionError: rule invariant broken");
        assertFailed(runs.get(3), "pivot rule chose edge 11, which is not an improving edge of the 8");
        assertFailed(runs.get(4), "which is not an improving edge");
        // edge 0 may happen to be improving for a while: the walk then goes on, and must still be right
        ExperimentSummary.Run nan = runs.get(5);
        assertTrue(nan.status() == SolveStatus.FAILED
                        ? nan.message().contains("pivot rule chose edge 0")
                        : nan.status() == SolveStatus.OPTIMAL && Math.abs(nan.objective() - 14518.0 / 345) < 1e-9,
                nan.status() + " " + nan.message());
        ExperimentSummary.Run hung = runs.get(6);
        assertEquals(SolveStatus.TIME_LIMIT, hung.status(), hung.message());
        assertEquals("run did not return within 6 s (pivot rule \"never-returns\" hung while solving); abandoned",
                hung.message());

        // the stack traces the one-line messages leave out: in drlp.log and for the listener
        assertEquals(List.of(1, 2, 6), List.copyOf(details.keySet()), "only the runs whose plugin threw or hung");
        String log = Files.readString(output.resolve("drlp.log"));
        for (String entry : details.values()) assertTrue(log.contains(" " + entry), entry);
        assertTrue(details.get(1).startsWith("run 001 solver.pivot=throws: solving: pivot rule threw "
                + "IllegalStateException: rule state corrupted\njava.lang.IllegalStateException: rule state corrupted\n"
                + "\tat org.drlp.experiment.FaultyPlugins$Pivot.choose("), details.get(1));
        assertTrue(details.get(2).startsWith("run 002 solver.pivot=assertion: solving: AssertionError: rule invariant "
                + "broken\njava.lang.AssertionError: rule invariant broken\n\tat org.drlp.experiment.FaultyPlugins$Pivot"),
                details.get(2));
        assertTrue(details.get(6).startsWith("run 006 solver.pivot=never-returns: " + hung.message()
                + "\nstack of the abandoned thread drlp-run-006:\n"), details.get(6));
        assertTrue(details.get(6).contains("org.drlp.experiment.FaultyPlugins.hang(FaultyPlugins.java:"), details.get(6));

        JsonObject record = Specs.results(output).getAsJsonArray("runs").get(6).getAsJsonObject();
        assertEquals("TIME_LIMIT", record.get("status").getAsString());
        assertTrue(record.get("objective").isJsonNull());
        assertEquals(hung.message(), record.get("message").getAsString());
    }

    private static void assertFailed(ExperimentSummary.Run run, String reason) {
        assertEquals(SolveStatus.FAILED, run.status(), run.message());
        assertTrue(run.message().contains(reason), run.message());
        assertFalse(run.message().contains("\n"), "one line: " + run.message());
        assertFalse(run.message().contains("\tat "), "no stack trace: " + run.message());
    }

    @Test
    void faultyDataModelAndLossPluginsFailOnlyTheirRun() throws Exception {
        FaultyPlugins.register(plugins, release);
        Path spec = Specs.write(directory, "stages.json", """
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "absolute"},
                  "sweep": {"data.source": ["npe-data", "stackloss"], "model.type": ["throwing-model", "linear"],
                            "loss.type": ["throwing-loss", "absolute"]},
                  "trace": false
                }
                """);
        ExperimentSummary summary = plugins.runner().run(spec, directory.resolve("out"), RunListener.NONE);
        assertEquals(8, summary.runs().size());
        for (ExperimentSummary.Run run : summary.runs()) {
            String label = run.label();
            if (label.contains("npe-data")) {
                assertFailed(run, "loading data: NullPointerException");
            } else if (label.contains("throwing-loss")) {
                assertFailed(run, "creating the loss: ArithmeticException: slopes overflowed");
            } else if (label.contains("throwing-model")) {
                assertFailed(run, "building the model: UnsupportedOperationException: cannot build from 21 rows");
            } else {
                assertEquals(SolveStatus.OPTIMAL, run.status(), label + ": " + run.message());
            }
        }
        assertEquals(7, summary.failures());
        assertEquals(8, Specs.results(directory.resolve("out")).getAsJsonArray("runs").size());
    }
}

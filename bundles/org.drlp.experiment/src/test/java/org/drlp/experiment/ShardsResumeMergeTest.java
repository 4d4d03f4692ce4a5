package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.MergeReport;
import org.drlp.api.RunListener;
import org.drlp.api.RunOptions;
import org.drlp.api.RunSelection;
import org.drlp.api.SolveStatus;
import org.drlp.api.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Shards, resume, merge and stop: the pieces of a sweep run apart give the results of the sweep run
 * whole. Random pivot rules with seeds: a run that lost its seed or configuration in a shard would
 * take other pivots.
 */
class ShardsResumeMergeTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    private static final String RANDOM_REPEATS = """
            {
              "name": "random",
              "data": {"source": "stackloss"},
              "model": {"type": "linear", "intercept": true},
              "loss": {"type": "quantile"},
              "solver": {"pivot": {"type": "random", "seed": 7}},
              "sweep": {"loss.tau": [0.2, 0.5, 0.8]},
              "repeats": 3
            }
            """;

    private Path spec() {
        return Specs.write(directory, "random.json", RANDOM_REPEATS);
    }

    private ExperimentSummary run(Path out, RunOptions options) throws Exception {
        return plugins.runner().run(spec(), out, RunListener.NONE, options);
    }

    private static RunOptions shard(String text) {
        return new RunOptions(1, false, false, RunSelection.parseShard(text));
    }

    @Test
    void shardsMergedGiveTheWholeSweep() throws Exception {
        ExperimentSummary whole = run(directory.resolve("whole"), RunOptions.DEFAULT);
        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path out = directory.resolve("sweep").resolve("shards").resolve("00" + i);
            ExperimentSummary part = run(out, shard(i + "/3"));
            assertEquals(3, part.runs().size());
            for (ExperimentSummary.Run run : part.runs()) assertEquals(i, run.index() % 3, run.label());
            shards.add(out);
        }
        MergeReport report = plugins.runner().merge(List.of(directory.resolve("sweep")), directory.resolve("sweep"));
        assertTrue(report.complete(), () -> "missing " + report.missing());
        assertEquals(9, report.sweepRuns());
        assertEquals(Specs.results(directory.resolve("whole")).get("specHash"),
                Specs.results(directory.resolve("sweep")).get("specHash"));
        List<ExperimentSummary.Run> merged = report.summary().runs();
        for (int i = 0; i < 9; i++) {
            ExperimentSummary.Run one = whole.runs().get(i);
            ExperimentSummary.Run two = merged.get(i);
            assertEquals(one.label(), two.label());
            assertEquals(one.objective(), two.objective());
            assertEquals(one.iterations(), two.iterations(), "run " + one.label() + ": same seed, same pivots");
        }
        assertEquals(Files.readAllLines(directory.resolve("whole").resolve("summary.csv")).size(),
                Files.readAllLines(directory.resolve("sweep").resolve("summary.csv")).size());
        assertTrue(Files.exists(directory.resolve("sweep").resolve("runs").resolve("004").resolve("trace.csv")),
                "the runs' folders are copied");
    }

    @Test
    void resumeRunsOnlyWhatIsNotFinishedAndKeepsTheRest() throws Exception {
        Path out = directory.resolve("out");
        run(out, new RunOptions(1, false, false, RunSelection.ALL.only(RunSelection.parseOnly("0-3,7"))));
        Map<Integer, JsonObject> before = runs(out);
        assertEquals(List.of(0, 1, 2, 3, 7), new ArrayList<>(before.keySet()));

        assertThrows(IOException.class, () -> run(out, RunOptions.DEFAULT), "refused without --resume");
        List<Integer> started = new ArrayList<>();
        ExperimentSummary resumed = plugins.runner().run(spec(), out, new RunListener() {
            @Override
            public void runStarted(int index, String label) {
                started.add(index);
            }
        }, new RunOptions(1, false, true, RunSelection.ALL));
        assertEquals(List.of(4, 5, 6, 8), started);
        assertEquals(9, resumed.runs().size());
        Map<Integer, JsonObject> after = runs(out);
        before.forEach((index, record) -> assertEquals(record, after.get(index), "run " + index + " kept as it was"));
        assertEquals(10, Files.readAllLines(out.resolve("summary.csv")).size(), "header and nine rows");
    }

    @Test
    void resumeRefusesAnotherSpecsResultsAndTouchesNothing() throws Exception {
        Path out = directory.resolve("out");
        run(out, RunOptions.DEFAULT);
        String results = Files.readString(out.resolve("results.json"));
        Path other = Specs.write(directory, "other.json", RANDOM_REPEATS.replace("\"seed\": 7", "\"seed\": 8"));
        IOException refused = assertThrows(IOException.class, () -> plugins.runner().run(other, out, RunListener.NONE,
                new RunOptions(1, false, true, RunSelection.ALL)));
        assertTrue(refused.getMessage().contains("holds results of another spec"), refused.getMessage());
        assertEquals(results, Files.readString(out.resolve("results.json")));
    }

    @Test
    void mergeRefusesDifferentSpecsAndDuplicatesAndReportsMissingRuns() throws Exception {
        run(directory.resolve("a"), shard("0/2"));
        run(directory.resolve("b"), shard("0/2"));
        IOException duplicated = assertThrows(IOException.class, () -> plugins.runner().merge(
                List.of(directory.resolve("a"), directory.resolve("b")), directory.resolve("m")));
        assertTrue(duplicated.getMessage().startsWith("runs 0, 2, 4, 6, 8 are finished in more than one folder"),
                duplicated.getMessage());
        assertFalse(Files.exists(directory.resolve("m").resolve("results.json")), "nothing written");

        Path other = Specs.write(directory, "other.json", RANDOM_REPEATS.replace("\"seed\": 7", "\"seed\": 8"));
        plugins.runner().run(other, directory.resolve("c"), RunListener.NONE, shard("1/2"));
        IOException different = assertThrows(IOException.class, () -> plugins.runner().merge(
                List.of(directory.resolve("a"), directory.resolve("c")), directory.resolve("m")));
        assertTrue(different.getMessage().contains("hold results of different specs"), different.getMessage());

        MergeReport half = plugins.runner().merge(List.of(directory.resolve("a")), directory.resolve("m"));
        assertEquals(List.of(1, 3, 5, 7), half.missing());
        assertEquals(5, half.summary().runs().size());
    }

    @Test
    void aShardOutOfRangeIsASpecError() {
        SpecException e = assertThrows(SpecException.class, () -> run(directory.resolve("x"),
                new RunOptions(1, false, false, RunSelection.ALL.only(RunSelection.parseOnly("3,7-12")))));
        assertTrue(e.getMessage().endsWith("--only 7-12 is out of range: the sweep has 9 runs (indices 0-8)"),
                e.getMessage());
        assertFalse(Files.exists(directory.resolve("x")), "nothing written");
    }

    @Test
    void aStoppedExperimentRecordsItsRunInterruptedWithItsPointAndResumeFinishesIt() throws Exception {
        Path out = directory.resolve("out");
        ExperimentRunner runner = plugins.runner();
        ExperimentSummary stopped = runner.run(spec(), out, new RunListener() {
            @Override
            public void runStarted(int index, String label) {
                if (index == 1) runner.stop();
            }
        }, RunOptions.DEFAULT);
        assertEquals(2, stopped.runs().size(), "run 0 finished, run 1 stopped, the others never started");
        assertEquals(SolveStatus.INTERRUPTED, stopped.runs().get(1).status());
        JsonObject interrupted = runs(out).get(1);
        assertEquals("INTERRUPTED", interrupted.get("status").getAsString());
        assertTrue(interrupted.get("parameters").isJsonObject(), "the point reached is recorded");
        assertTrue(Double.isFinite(interrupted.get("objective").getAsDouble()));
        assertTrue(Files.exists(out.resolve("runs").resolve("001").resolve("trace.csv")), "its trace is written");

        ExperimentSummary resumed = runner.run(spec(), out, RunListener.NONE, new RunOptions(1, false, true, RunSelection.ALL));
        assertEquals(9, resumed.runs().size());
        assertTrue(resumed.runs().stream().allMatch(run -> run.status() == SolveStatus.OPTIMAL), "run 1 rerun");
    }

    private static Map<Integer, JsonObject> runs(Path out) {
        Map<Integer, JsonObject> runs = new TreeMap<>();
        for (JsonElement run : Specs.results(out).getAsJsonArray("runs")) {
            runs.put(run.getAsJsonObject().get("index").getAsInt(), run.getAsJsonObject());
        }
        return runs;
    }
}

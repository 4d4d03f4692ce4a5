package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.RunOptions;
import org.drlp.api.SolveStatus;
import org.drlp.spi.PluginRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Stopping one run, or one experiment, by its output folder: that run ends INTERRUPTED with its best
 * point and its record, the rest of the sweep goes on; a run not started yet ends INTERRUPTED unsolved;
 * requests for a finished run or another folder are refused. Progress reports carry the solve's
 * region changes, which the trace's per-step counts add up to.
 */
class StopOneRunTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    /** Three runs of about a second each (150 ms per pivot), traced; cold, so that none is short. */
    private Path slowSweep() {
        plugins.registry.add(PluginRole.PIVOT, new SolveProgressTest.SlowPivot(), plugins.reference("test.slow"));
        return Specs.write(directory, "slow.json", """
                {"data": {"source": "stackloss"}, "model": {"type": "linear", "intercept": true},
                 "loss": {"type": "quantile"}, "sweep": {"loss.tau": [0.3, 0.5, 0.7]},
                 "solver": {"method": "vertex-walk", "pivot": "slow"}, "trace": true, "warmStart": false}
                """);
    }

    @Test
    void aStoppedRunEndsInterruptedWithItsPointAndTheSweepGoesOn() throws Exception {
        Path spec = slowSweep();
        Path out = directory.resolve("out");
        ExperimentRunner runner = plugins.runner();
        List<String> answers = new ArrayList<>();
        ExperimentSummary summary = runner.run(spec, out, new RunListener() {
            @Override
            public void runStarted(int index, String label) {
                // run 2 has not started: stopped now, it ends unsolved at its turn
                if (index == 1) answers.add("2 pending: " + runner.stopRun(out, 2));
                if (index == 1) answers.add("0 finished: " + runner.stopRun(out, 0));
            }

            @Override
            public void runProgress(int index, long iteration, double objective, double seconds, long regionChanges) {
                if (index == 1) answers.add("1 running: " + runner.stopRun(out.resolve("..").resolve("out"), 1));
                if (index == 1) answers.add("other folder: " + runner.stopRun(directory, 1));
            }
        }, RunOptions.DEFAULT);
        assertEquals(List.of("2 pending: true", "0 finished: false", "1 running: true", "other folder: false"),
                answers.subList(0, 4));
        List<SolveStatus> statuses = summary.runs().stream().map(ExperimentSummary.Run::status).toList();
        assertEquals(List.of(SolveStatus.OPTIMAL, SolveStatus.INTERRUPTED, SolveStatus.INTERRUPTED), statuses);

        Map<Integer, JsonObject> runs = runs(out);
        assertEquals(3, runs.size(), "every run recorded");
        JsonObject stopped = runs.get(1);
        assertTrue(stopped.get("parameters").isJsonObject(), "the point reached is recorded: " + stopped);
        assertTrue(Double.isFinite(stopped.get("objective").getAsDouble()));
        assertTrue(stopped.get("message").getAsString().contains("stopped on request"), stopped.toString());
        assertTrue(Files.exists(out.resolve("runs/001/trace.csv")));
        JsonObject unsolved = runs.get(2);
        assertEquals("INTERRUPTED", unsolved.get("status").getAsString());
        assertTrue(unsolved.get("message").getAsString().contains("before it started"), unsolved.toString());
        // nothing runs there any more
        assertFalse(runner.stopRun(out, 1));
        assertFalse(runner.stop(out));

        // a resume finishes the two: the records are those of unfinished runs
        ExperimentSummary resumed = runner.run(spec, out, RunListener.NONE, new RunOptions(1, false, true,
                org.drlp.api.RunSelection.ALL));
        assertTrue(resumed.runs().stream().allMatch(run -> run.status() == SolveStatus.OPTIMAL), resumed.runs().toString());
    }

    @Test
    void stoppingOneFolderLeavesTheExperimentOfAnotherRunning() throws Exception {
        Path spec = slowSweep();
        ExperimentRunner runner = plugins.runner();
        Path first = directory.resolve("first");
        Path second = directory.resolve("second");
        Map<String, ExperimentSummary> summaries = new ConcurrentHashMap<>();
        Thread other = new Thread(() -> {
            try {
                summaries.put("second", runner.run(spec, second, RunListener.NONE, RunOptions.DEFAULT));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<Boolean> answers = new ArrayList<>();
        summaries.put("first", runner.run(spec, first, new RunListener() {
            @Override
            public void runStarted(int index, String label) {
                if (index == 0) other.start();
            }

            @Override
            public void runProgress(int index, long iteration, double objective, double seconds, long regionChanges) {
                if (answers.isEmpty()) answers.add(runner.stop(first));
            }
        }, RunOptions.DEFAULT));
        other.join(60_000);
        assertEquals(List.of(true), answers);
        assertEquals(List.of(SolveStatus.INTERRUPTED), summaries.get("first").runs().stream()
                .map(ExperimentSummary.Run::status).toList(), "the run in progress stopped, the others not started");
        assertEquals(3, summaries.get("second").runs().size());
        assertTrue(summaries.get("second").runs().stream().allMatch(run -> run.status() == SolveStatus.OPTIMAL));
    }

    @Test
    void progressReportsCarryTheRegionChangesTheTraceAddsUpTo() throws Exception {
        Path spec = slowSweep();
        Path out = directory.resolve("out");
        Map<Integer, List<long[]>> reports = new TreeMap<>();
        ExperimentSummary summary = plugins.runner().run(spec, out, new RunListener() {
            @Override
            public void runProgress(int index, long iteration, double objective, double seconds, long regionChanges) {
                reports.computeIfAbsent(index, i -> new ArrayList<>()).add(new long[] {iteration, regionChanges});
            }
        }, RunOptions.DEFAULT);
        assertEquals(3, reports.size(), "every run reported: " + reports.keySet());
        boolean anyFlips = false;
        for (var entry : reports.entrySet()) {
            List<String[]> trace = Files.readAllLines(out.resolve(String.format("runs/%03d/trace.csv", entry.getKey())))
                    .stream().skip(1).map(line -> line.split(",")).toList();
            for (long[] report : entry.getValue()) {
                long sum = 0;
                for (String[] row : trace) {
                    if (Long.parseLong(row[1]) <= report[0]) sum += Long.parseLong(row[6]);
                }
                assertEquals(sum, report[1], "run " + entry.getKey() + " after " + report[0] + " pivots");
                anyFlips |= report[1] > 0;
            }
            long last = entry.getValue().get(entry.getValue().size() - 1)[1];
            assertTrue(last <= summary.runs().get(entry.getKey()).regionChanges());
        }
        assertTrue(anyFlips, "some report counts region changes: " + reports.values().stream()
                .map(list -> list.stream().map(r -> r[0] + ":" + r[1]).toList()).toList());
    }

    private static Map<Integer, JsonObject> runs(Path out) {
        Map<Integer, JsonObject> runs = new TreeMap<>();
        for (JsonElement run : Specs.results(out).getAsJsonArray("runs")) {
            runs.put(run.getAsJsonObject().get("index").getAsInt(), run.getAsJsonObject());
        }
        return runs;
    }
}

package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.RunOptions;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Several jobs give the same results, in the same order, as one; the listener is never called concurrently. */
class ParallelRunsTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    /** Random pivot rules: a rule shared between runs, or a seed mixed up, would change the iteration counts. */
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

    @Test
    void twoJobsGiveTheResultsOfOneInSweepOrder() throws Exception {
        Path spec = Specs.write(directory, "random.json", RANDOM_REPEATS);
        ExperimentSummary serial = plugins.runner().run(spec, directory.resolve("one"), RunListener.NONE,
                new RunOptions(1));
        ExperimentSummary parallel = plugins.runner().run(spec, directory.resolve("two"), RunListener.NONE,
                new RunOptions(2));
        assertEquals(9, parallel.runs().size());
        assertEquals(0, parallel.failures());
        for (int i = 0; i < 9; i++) {
            ExperimentSummary.Run one = serial.runs().get(i);
            ExperimentSummary.Run two = parallel.runs().get(i);
            assertEquals(i, two.index());
            assertEquals(one.label(), two.label());
            assertEquals(one.objective(), two.objective(), 1e-9 * Math.max(1, Math.abs(one.objective())));
            assertEquals(one.iterations(), two.iterations(), "run " + one.label());
        }
        assertEquals(resultsWithoutTimes(directory.resolve("one")), resultsWithoutTimes(directory.resolve("two")));
        assertEquals(Files.readAllLines(directory.resolve("one/summary.csv")).stream().map(ParallelRunsTest::withoutTime)
                .toList(), Files.readAllLines(directory.resolve("two/summary.csv")).stream()
                .map(ParallelRunsTest::withoutTime).toList());
    }

    @Test
    void listenerCallsNeverOverlapAndEveryRunIsReported() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Set<Integer> finished = new TreeSet<>();
        RunListener listener = new RunListener() {
            @Override
            public void runStarted(int index, String label) {
                enter();
            }

            @Override
            public void runFinished(int index, String label, SolveStatus status, double objective, double seconds) {
                enter();
                finished.add(index); // a plain set: safe only because calls never overlap
            }

            private void enter() {
                if (inside.incrementAndGet() > 1) overlaps.incrementAndGet();
                Thread.onSpinWait();
                inside.decrementAndGet();
            }
        };
        plugins.runner().run(Specs.write(directory, "quantiles.json", Specs.QUANTILES), directory.resolve("out"),
                listener, new RunOptions(4));
        assertEquals(0, overlaps.get());
        assertEquals(new TreeSet<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)), finished);
    }

    @Test
    void jobsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RunOptions(0));
        assertTrue(RunOptions.DEFAULT.jobs() == 1);
    }

    /** results.json with the run times and the start time taken out: those differ between any two runs. */
    private static JsonObject resultsWithoutTimes(Path output) {
        JsonObject results = Specs.results(output);
        results.remove("started");
        results.remove("finished");
        results.remove("spec");
        for (JsonElement run : results.getAsJsonArray("runs")) {
            run.getAsJsonObject().remove("seconds");
            run.getAsJsonObject().getAsJsonObject("provenance").remove("started");
            run.getAsJsonObject().getAsJsonObject("provenance").remove("ended");
            for (JsonElement stage : run.getAsJsonObject().getAsJsonArray("stages")) {
                for (String timed : List.of("seconds", "pricingSeconds", "lineSearchSeconds", "directionSeconds",
                        "refactorSeconds")) {
                    stage.getAsJsonObject().remove(timed);
                }
            }
        }
        return results;
    }

    /**
     * A summary.csv line without its times: the seconds column (after index, label, problem, the one
     * swept path, repeat, status, objective, iterations and regionChanges) and the four timed parts
     * (after the five counters); the coefficient columns follow the message.
     */
    private static String withoutTime(String line) {
        String[] cells = line.split(",", -1);
        for (int c : new int[] {9, 15, 16, 17, 18}) cells[c] = "";
        return String.join(",", cells);
    }
}

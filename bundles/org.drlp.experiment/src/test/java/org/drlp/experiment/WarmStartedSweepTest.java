package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.RunOptions;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep over loss.tau warm-starts each run from the end point of the run before it with the same
 * everything else: the same objectives as a cold sweep (the default), fewer pivots,
 * and each warm run's message names the run it started from.
 */
class WarmStartedSweepTest {

    @TempDir
    Path directory;

    /** Below the presolve's 5,000 rows, so that the whole walk starts where the warm start puts it. */
    private static final String SWEEP = """
            {
              "name": "taus",
              "data": {"source": "synthetic", "n": 3000, "p": 4, "seed": 3},
              "model": {"type": "linear"},
              "loss": {"type": "quantile"},
              "sweep": {"solver.pivot": ["dantzig", "steepest-edge"],
                        "loss.tau": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]},
              "trace": false%s
            }
            """;

    private static final Pattern FROM = Pattern.compile("warm-started from the end point of run (\\d{3}) \\(loss.tau=([0-9.]+)\\)");

    /** Warm starts are asked for; a sweep is cold by default. */
    private static final String WARM = ",\n\"warmStart\": true";

    private ExperimentSummary run(String name, String extra, int jobs) throws Exception {
        Path spec = Specs.write(directory, name + ".json", SWEEP.formatted(extra));
        return ShippedPlugins.runner().run(spec, directory.resolve(name), RunListener.NONE, new RunOptions(jobs));
    }

    @Test
    void warmSweepHasTheColdObjectivesInFewerPivots() throws Exception {
        ExperimentSummary cold = run("cold", "", 1);
        ExperimentSummary warm = run("warm", WARM, 1);
        assertEquals(18, warm.runs().size());
        long coldPivots = 0, warmPivots = 0;
        for (int i = 0; i < 18; i++) {
            ExperimentSummary.Run c = cold.runs().get(i), w = warm.runs().get(i);
            assertEquals(SolveStatus.OPTIMAL, c.status(), c.message());
            assertEquals(SolveStatus.OPTIMAL, w.status(), w.message());
            assertEquals(c.objective(), w.objective(), 1e-9 * Math.abs(c.objective()), w.label());
            assertFalse(c.message().contains("warm-started"), c.message());
            coldPivots += c.iterations();
            warmPivots += w.iterations();
            Matcher from = FROM.matcher(w.message());
            boolean first = w.label().contains("loss.tau=0.1 ") || w.label().endsWith("loss.tau=0.1");
            assertEquals(!first, from.find(), w.label() + ": " + w.message());
            if (first) continue;
            // from the run with the same pivot rule and the tau just below
            ExperimentSummary.Run before = warm.runs().get(Integer.parseInt(from.group(1)));
            assertEquals(w.sweep().get("solver.pivot"), before.sweep().get("solver.pivot"), w.message());
            assertEquals(Double.parseDouble(w.sweep().get("loss.tau")) - 0.1, Double.parseDouble(from.group(2)), 1e-12);
            assertEquals(from.group(2), before.sweep().get("loss.tau"));
        }
        assertTrue(warmPivots < coldPivots, "warm " + warmPivots + " pivots, cold " + coldPivots);
    }

    /** Chains run side by side: two jobs give what one gives. */
    @Test
    void twoJobsWarmStartAsOneDoes() throws Exception {
        ExperimentSummary one = run("one", WARM, 1);
        ExperimentSummary two = run("two", WARM, 2);
        for (int i = 0; i < 18; i++) {
            assertEquals(one.runs().get(i).iterations(), two.runs().get(i).iterations(), one.runs().get(i).label());
            assertEquals(one.runs().get(i).message(), two.runs().get(i).message());
        }
    }

    /** A tau that is not a number (the whole process) and a sweep that is not over tau start cold. */
    @Test
    void onlyRunsThatDifferInTauAreChained() throws Exception {
        Path spec = Specs.write(directory, "other.json", """
                {"data": {"source": "synthetic", "n": 200, "p": 2},
                 "model": {"type": "linear"}, "loss": {"type": "quantile", "tau": 0.3},
                 "sweep": {"data.seed": [1, 2, 3]}, "trace": false, "warmStart": true}
                """);
        for (ExperimentSummary.Run run : ShippedPlugins.runner().run(spec, directory.resolve("other"), RunListener.NONE,
                new RunOptions(1)).runs()) {
            assertFalse(run.message().contains("warm-started"), run.message());
        }
        spec = Specs.write(directory, "process.json", """
                {"data": {"source": "synthetic", "n": 200, "p": 2},
                 "model": {"type": "linear"}, "loss": {"type": "quantile"},
                 "sweep": {"loss.tau": ["process", 0.5, 0.6]}, "trace": false, "warmStart": true}
                """);
        List<ExperimentSummary.Run> runs = ShippedPlugins.runner().run(spec, directory.resolve("process"),
                RunListener.NONE, new RunOptions(1)).runs();
        assertFalse(runs.get(0).message().contains("warm-started"), runs.get(0).message());
        assertFalse(runs.get(1).message().contains("warm-started"), runs.get(1).message());
        assertTrue(runs.get(2).message().contains("warm-started from the end point of run 001 (loss.tau=0.5)"),
                runs.get(2).message());
    }
}

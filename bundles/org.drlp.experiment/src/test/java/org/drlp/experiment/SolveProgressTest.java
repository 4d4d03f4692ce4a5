package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.drlp.spi.PluginRole;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.Parameters;
import org.drlp.api.ParameterSpec;
import org.drlp.api.RunListener;
import org.drlp.api.SolveStatus;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long solve reports its progress to the run listener while it runs: between the run's start and
 * finish, pivots rising, the objective never rising and never below the final one.
 */
class SolveProgressTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    /** Takes the first improving edge after a pause, so that the seven-odd pivots of stack loss last seconds. */
    static final class SlowPivot implements PivotRuleProvider {
        @Override
        public String name() {
            return "slow";
        }

        @Override
        public String description() {
            return "first improving edge, 150 ms per pivot";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public PivotRule create(Parameters parameters) {
            return (EdgeView edges) -> {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int e = 0; e < edges.size(); e++) if (edges.improving(e)) return e;
                return -1;
            };
        }
    }

    @Test
    void aLongSolveReportsPivotAndObjectiveWhileItRuns() throws Exception {
        plugins.registry.add(PluginRole.PIVOT, new SlowPivot(), plugins.reference("test.slow"));
        Path spec = Specs.write(directory, "slow.json", """
                {"data": {"source": "stackloss"}, "model": {"type": "linear"}, "loss": {"type": "absolute"},
                 "solver": {"method": "vertex-walk", "pivot": "slow", "lineSearch": "harris"}, "trace": false}
                """);
        List<String> events = new ArrayList<>();
        List<double[]> reports = new ArrayList<>();
        ExperimentSummary summary = plugins.runner().run(spec, directory.resolve("out"), new RunListener() {
            @Override
            public void runStarted(int index, String label) {
                events.add("started");
            }

            @Override
            public void runProgress(int index, long iteration, double objective, double seconds) {
                events.add("progress");
                reports.add(new double[] {iteration, objective, seconds});
            }

            @Override
            public void runFinished(int index, String label, SolveStatus status, double objective, double seconds) {
                events.add("finished");
            }
        });
        ExperimentSummary.Run run = summary.runs().get(0);
        assertEquals(SolveStatus.OPTIMAL, run.status());
        assertEquals(14518.0 / 345, run.objective(), 1e-9);
        assertTrue(run.seconds() > 1.0, "the solve lasts long enough to report: " + run.seconds());
        assertTrue(reports.size() >= 1 && reports.size() <= 1 + run.seconds() * 1000 / RunListener.PROGRESS_INTERVAL_MILLIS,
                "about one report per interval: " + reports.size() + " in " + run.seconds() + " s");
        assertEquals("started", events.get(0));
        assertEquals("finished", events.get(events.size() - 1));
        double[] previous = {0, Double.POSITIVE_INFINITY, 0};
        for (double[] report : reports) {
            assertTrue(report[0] > previous[0] && report[0] <= run.iterations(), "pivots rise: " + report[0]);
            assertTrue(report[1] <= previous[1] && report[1] >= run.objective() - 1e-9, "objective: " + report[1]);
            assertTrue(report[2] >= previous[2] + RunListener.PROGRESS_INTERVAL_MILLIS * 1e-3 * 0.99, "spaced: " + report[2]);
            previous = report;
        }
    }
}

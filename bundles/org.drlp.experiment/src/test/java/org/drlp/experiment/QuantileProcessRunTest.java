package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.RunOptions;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/** examples/engel/process.json end to end: the median's solve, then the whole process in the run's folder. */
class QuantileProcessRunTest {

    @TempDir
    Path directory;

    @Test
    void theEngelExampleWritesItsProcess() throws Exception {
        Path spec = Path.of("../../examples/engel/process.json");
        ExperimentSummary summary = ShippedPlugins.runner().run(spec, directory, RunListener.NONE, new RunOptions(1));
        assertEquals(SolveStatus.OPTIMAL, summary.runs().get(0).status());
        List<String> process = Files.readAllLines(directory.resolve("runs/000/process.csv"));
        assertEquals("tau,income,intercept,objective", process.get(0));
        // R's rq(foodexp ~ income, tau = -1) has 271 columns, of which 3 are pivots that leave beta unchanged
        assertEquals(1 + 268, process.size());
        assertTrue(process.get(1).startsWith("0.0,0.2942315096175"), process.get(1));
        assertTrue(process.get(process.size() - 1).startsWith("1.0,0.640310206834"), process.get(process.size() - 1));
        String svg = Files.readString(directory.resolve("runs/000/process.svg"));
        assertTrue(svg.contains("<svg"));
        // the pointwise band of the run's inference (rank, R's default for 235 rows) at 19 quantile levels
        assertTrue(svg.contains("95% band (rank)"), "the band's legend entry");
        assertTrue(Files.size(directory.resolve("runs/000/process.png")) > 0);
        JsonObject run = Specs.results(directory).getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals(266, run.getAsJsonObject("evaluation").get("processBreakpoints").getAsInt());
    }
}

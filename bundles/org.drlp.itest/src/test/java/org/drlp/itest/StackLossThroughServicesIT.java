package org.drlp.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.drlp.api.ExperimentService;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.PluginCatalog;
import org.drlp.api.RunListener;
import org.drlp.api.SolveStatus;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Felix with the core and regression features, driven through the OSGi services alone. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StackLossThroughServicesIT {

    @Inject
    ExperimentService experiments;

    @Inject
    PluginCatalog catalog;

    @Configuration
    public Option[] configuration() {
        return Distribution.withFeatures("core", "regression").toArray(new Option[0]);
    }

    @Test
    public void stackLossMedianRegressionIsTheExactVertex() throws Exception {
        Path out = Files.createTempDirectory("drlp-itest");
        ExperimentSummary summary = experiments.run(example("stackloss/median.json"), out, RunListener.NONE);

        assertEquals(1, summary.runs().size());
        assertEquals(SolveStatus.OPTIMAL, summary.runs().get(0).status());
        JsonObject run = results(out).getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals(14518.0 / 345, run.get("objective").getAsDouble(), 1e-9);
        JsonObject parameters = run.getAsJsonObject("parameters");
        assertEquals(-13693.0 / 345, parameters.get("intercept").getAsDouble(), 1e-9);
        assertEquals(287.0 / 345, parameters.get("Air.Flow").getAsDouble(), 1e-9);
        assertEquals(66.0 / 115, parameters.get("Water.Temp").getAsDouble(), 1e-9);
        assertEquals(-7.0 / 115, parameters.get("Acid.Conc.").getAsDouble(), 1e-9);
        assertTrue(run.getAsJsonObject("certificate").get("minEdgeSlope").getAsDouble() >= 0);
    }

    @Test
    public void quantileSweepRunsEveryPointToTheSameOptimumWithEitherRule() throws Exception {
        Path out = Files.createTempDirectory("drlp-itest");
        ExperimentSummary summary = experiments.run(example("stackloss/quantiles.json"), out, RunListener.NONE);

        assertEquals(10, summary.runs().size());
        assertEquals(0, summary.failures());
        for (int tau = 0; tau < 5; tau++) {
            ExperimentSummary.Run dantzig = summary.runs().get(2 * tau);
            ExperimentSummary.Run steepest = summary.runs().get(2 * tau + 1);
            assertEquals(SolveStatus.OPTIMAL, dantzig.status());
            assertEquals(dantzig.objective(), steepest.objective(), 1e-9 * Math.max(1, dantzig.objective()));
        }
        assertEquals(14518.0 / 345 / 2, summary.runs().get(4).objective(), 1e-9);
    }

    @Test
    public void catalogListsEveryStandardPlugin() {
        Set<String> plugins = catalog.plugins().stream().map(p -> p.role() + ":" + p.name()).collect(Collectors.toSet());
        for (String expected : List.of("method:vertex-walk", "model:linear", "loss:absolute", "loss:quantile",
                "loss:epsilon-insensitive", "pivot:dantzig", "pivot:steepest-edge", "pivot:bland", "pivot:random",
                "data:csv", "data:synthetic")) {
            assertTrue(expected + " missing from " + plugins, plugins.contains(expected));
        }
    }

    private static Path example(String name) {
        return Path.of(System.getProperty("drlp.examples"), name);
    }

    private static JsonObject results(Path out) throws IOException {
        return JsonParser.parseString(Files.readString(out.resolve("results.json"))).getAsJsonObject();
    }
}

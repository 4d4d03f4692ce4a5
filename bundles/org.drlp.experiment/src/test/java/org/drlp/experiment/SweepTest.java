package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/** Sweep expansion (cartesian product, first key slowest), plugin switching, and repeats with seed offsets. */
class SweepTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    @Test
    void sweepIsTheCartesianProductWithTheFirstKeySlowest() throws Exception {
        Path spec = Specs.write(directory, "sweep.json", """
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "quantile"},
                  "sweep": {"loss.tau": [0.25, 0.5, 0.75], "solver.pivot": ["dantzig", "bland"]},
                  "trace": false
                }
                """);
        assertEquals(6, plugins.runner().validate(spec));
        ExperimentSummary summary = plugins.runner().run(spec, directory.resolve("out"), RunListener.NONE);
        assertEquals(List.of(
                "000 loss.tau=0.25 solver.pivot=dantzig", "001 loss.tau=0.25 solver.pivot=bland",
                "002 loss.tau=0.5 solver.pivot=dantzig", "003 loss.tau=0.5 solver.pivot=bland",
                "004 loss.tau=0.75 solver.pivot=dantzig", "005 loss.tau=0.75 solver.pivot=bland"),
                summary.runs().stream().map(ExperimentSummary.Run::label).toList());
        assertEquals("sweep", summary.name());
        assertEquals(1, plugins.data.loads.get(), "one data configuration is loaded once");
        JsonObject third = Specs.results(directory.resolve("out")).getAsJsonArray("runs").get(3).getAsJsonObject();
        assertEquals(0.5, third.getAsJsonObject("sweep").get("loss.tau").getAsDouble());
        assertEquals("bland", third.getAsJsonObject("config").getAsJsonObject("solver")
                .getAsJsonObject("pivot").get("type").getAsString());
        assertEquals(0.5, third.getAsJsonObject("config").getAsJsonObject("loss").get("tau").getAsDouble());
    }

    @Test
    void sweepingThePluginValidatesTheOtherKeysAgainstEachChoice() {
        Path spec = Specs.write(directory, "spec.json", """
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "quantile", "tau": 0.3},
                  "sweep": {"loss.type": ["quantile", "absolute", "hinge"]}
                }
                """);
        String message = assertThrows(SpecException.class, () -> plugins.runner().validate(spec)).getMessage();
        assertTrue(message.contains("spec.json:4:39 (loss.tau): loss \"absolute\": unknown parameter \"tau\"; "
                + "known: (none)"), message);
        assertTrue(message.contains("spec.json:5:51 (sweep.loss.type[2]): unknown loss \"hinge\"; "
                + "available: absolute, quantile"), message);
    }

    @Test
    void badSweepEntriesAreNamed() {
        Path spec = Specs.write(directory, "spec.json", """
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "quantile"},
                  "sweep": {"repeats": [1, 2], "loss.tau": [], "loss.tau.x": [1],
                            "loss.tau ": [0.5, 2]}
                }
                """);
        String message = assertThrows(SpecException.class, () -> plugins.runner().validate(spec)).getMessage();
        assertTrue(message.contains("spec.json:5:24 (sweep.repeats): cannot sweep \"repeats\""), message);
        assertTrue(message.contains("spec.json:5:44 (sweep.loss.tau): a swept path needs a non-empty list"), message);
        // a path may go deeper than section.key (into a nested plugin); into a number it makes no number
        assertTrue(message.contains("(loss.tau): loss \"quantile\": parameter \"tau\" = {x=1} is not a number"),
                message);
        assertTrue(message.contains("spec.json:6:32 (sweep.loss.tau [1]): loss \"quantile\": unknown parameter"),
                message);
    }

    @Test
    void repeatsOffsetEverySeedOfDataAndPivotRule() throws Exception {
        Path spec = Specs.write(directory, "seeds.json", """
                {
                  "data": {"source": "stackloss", "seed": 10},
                  "model": {"type": "linear"},
                  "loss": {"type": "absolute"},
                  "solver": {"pivot": {"type": "random", "seed": 5}},
                  "sweep": {"model.intercept": [true, false]},
                  "repeats": 3,
                  "trace": false
                }
                """);
        assertEquals(6, plugins.runner().validate(spec));
        ExperimentSummary summary = plugins.runner().run(spec, directory.resolve("out"), RunListener.NONE);
        assertEquals("002 model.intercept=true repeat=2", summary.runs().get(2).label());
        assertEquals("003 model.intercept=false repeat=0", summary.runs().get(3).label());
        List<Long> dataSeeds = new ArrayList<>();
        List<Long> pivotSeeds = new ArrayList<>();
        for (var run : Specs.results(directory.resolve("out")).getAsJsonArray("runs")) {
            JsonObject config = run.getAsJsonObject().getAsJsonObject("config");
            dataSeeds.add(config.getAsJsonObject("data").get("seed").getAsLong());
            pivotSeeds.add(config.getAsJsonObject("solver").getAsJsonObject("pivot").get("seed").getAsLong());
        }
        assertEquals(List.of(10L, 11L, 12L, 10L, 11L, 12L), dataSeeds);
        assertEquals(List.of(5L, 6L, 7L, 5L, 6L, 7L), pivotSeeds);
        assertEquals(List.of(5L, 6L, 7L, 5L, 6L, 7L), plugins.random.seeds, "a fresh pivot rule per run");
        assertEquals(List.of(10L, 11L, 12L), plugins.data.seeds, "data sets cached by resolved configuration");
    }

    @Test
    void defaultSeedsAreOffsetTooAndAPivotNameCanHaveItsSeedSwept() throws Exception {
        Path spec = Specs.write(directory, "seeds.json", """
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "absolute"},
                  "solver": {"pivot": "random"},
                  "sweep": {"solver.pivot.seed": [100, 200]},
                  "repeats": 2,
                  "trace": false
                }
                """);
        plugins.runner().run(spec, directory.resolve("out"), RunListener.NONE);
        assertEquals(List.of(100L, 101L, 200L, 201L), plugins.random.seeds);
        assertEquals(List.of(0L, 1L), plugins.data.seeds);
    }
}

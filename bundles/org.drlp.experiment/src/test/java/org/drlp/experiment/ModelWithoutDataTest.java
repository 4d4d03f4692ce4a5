package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.drlp.spi.PluginRole;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.RunListener;
import org.drlp.api.SpecException;
import org.drlp.model.linear.LinearModelProvider;
import org.drlp.spi.Dataset;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/** A model that uses no data and no loss (relu-argmin, say) runs from a spec without those sections. */
class ModelWithoutDataTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();
    private final FixedModel fixed = new FixedModel();

    ModelWithoutDataTest() {
        plugins.registry.add(PluginRole.MODEL, fixed, plugins.reference("test.model"));
    }

    @Test
    void dataAndLossSectionsMayBeLeftOutAndAreNotRecorded() throws Exception {
        Path spec = Specs.write(directory, "spec.json", """
                {"name": "fixed", "model": {"type": "fixed"}, "solver": {"method": "vertex-walk"}}
                """);
        Path output = directory.resolve("out");
        ExperimentSummary summary = plugins.runner().run(spec, output, RunListener.NONE);
        assertEquals(0, summary.failures());
        assertEquals(14518.0 / 345, summary.runs().get(0).objective(), 1e-9);
        assertEquals(List.of(false), fixed.gotData);
        JsonObject run = Specs.results(output).getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonObject config = run.getAsJsonObject("config");
        assertFalse(config.has("data"), config.toString());
        assertFalse(config.has("loss"), config.toString());
        assertEquals("fixed", config.getAsJsonObject("model").get("type").getAsString());
        assertEquals(0, plugins.data.loads.get());
    }

    @Test
    void givenSectionsAreStillValidatedLoadedAndPassed() throws Exception {
        Path spec = Specs.write(directory, "spec.json", """
                {"data": {"source": "stackloss"}, "model": {"type": "fixed"}, "loss": {"type": "absolute"}}
                """);
        ExperimentSummary summary = plugins.runner().run(spec, directory.resolve("out"), RunListener.NONE);
        assertEquals(0, summary.failures());
        assertEquals(List.of(true), fixed.gotData);
        String message = assertThrows(SpecException.class, () -> plugins.runner().run(
                Specs.write(directory, "bad.json", """
                        {"data": {"source": "nope"}, "model": {"type": "fixed"}}
                        """), directory.resolve("bad"), RunListener.NONE)).getMessage();
        assertTrue(message.contains("unknown data source \"nope\""), message);
    }

    @Test
    void aModelThatUsesDataStillNeedsBothSections() {
        Path spec = Specs.write(directory, "spec.json", """
                {"model": {"type": "linear"}}
                """);
        String message = assertThrows(SpecException.class,
                () -> plugins.runner().run(spec, directory.resolve("out"), RunListener.NONE)).getMessage();
        assertTrue(message.contains("spec.json:1:1 (data): missing section \"data\""), message);
        assertTrue(message.contains("spec.json:1:1 (loss): missing section \"loss\""), message);
        assertNull(directory.resolve("out").toFile().listFiles());
    }

    @Test
    void aWrongParameterOrAnUnknownModelIsNotAlsoReportedAsMissingSections() {
        Path wrong = Specs.write(directory, "wrong.json", """
                {"model": {"type": "fixed", "bogus": 1}}
                """);
        String message = assertThrows(SpecException.class,
                () -> plugins.runner().run(wrong, directory.resolve("out"), RunListener.NONE)).getMessage();
        assertTrue(message.contains("(model.bogus)"), message);
        assertFalse(message.contains("missing section"), message);

        Path unknown = Specs.write(directory, "unknown.json", """
                {"model": {"type": "nope"}}
                """);
        message = assertThrows(SpecException.class,
                () -> plugins.runner().run(unknown, directory.resolve("out"), RunListener.NONE)).getMessage();
        assertTrue(message.contains("unknown model \"nope\""), message);
        assertFalse(message.contains("missing section"), message);
    }

    /** LAD on the stack loss data it holds itself; records whether it was given a data set. */
    static final class FixedModel implements ModelProvider {
        final List<Boolean> gotData = new ArrayList<>();

        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public String description() {
            return "stack loss LAD with its own data";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public boolean usesDataAndLoss() {
            return false;
        }

        @Override
        public Problem build(Dataset data, PiecewiseLinearLoss loss, Parameters parameters) throws java.io.IOException {
            gotData.add(data != null && loss != null);
            TestPlugins.StackLossData source = new TestPlugins.StackLossData();
            Dataset own = source.load(Parameters.resolve("test", source.parameters(), Map.of(), null));
            LinearModelProvider linear = new LinearModelProvider();
            return linear.build(own, new TestPlugins.HingeLoss("absolute", false).create(Parameters.defaults("test",
                    List.of())), Parameters.defaults("test", linear.parameters()));
        }
    }
}

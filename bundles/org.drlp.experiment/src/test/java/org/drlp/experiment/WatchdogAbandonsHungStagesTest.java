package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.drlp.api.SolveStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RunExecutor's watchdog with a short grace: a data source or model that never returns ends its
 * run as TIME_LIMIT naming the plugin and the stage, and the executor runs the next plan at once.
 */
class WatchdogAbandonsHungStagesTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    private final AtomicBoolean release = new AtomicBoolean();

    @AfterEach
    void releaseHungThreads() {
        release.set(true);
    }

    private RunPlan plan(String sections) throws Exception {
        Path spec = Specs.write(directory, "spec.json", "{" + sections + ", \"solver\": {\"timeLimitSeconds\": 0.5}}");
        SpecDocument document = SpecJsonReader.read(spec);
        SpecProblems problems = new SpecProblems(document);
        ExperimentSpec experiment = ExperimentSpec.parse(document, problems);
        RunPlan plan = new RunConfigResolver(plugins.registry, problems, directory)
                .resolve(0, "000", SweepExpansion.expand(experiment).get(0), 0);
        problems.throwIfAny();
        return plan;
    }

    @Test
    void hungDataAndModelAreAbandonedAndTheNextRunStillWorks() throws Exception {
        FaultyPlugins.register(plugins, release);
        RunExecutor executor = new RunExecutor(directory.resolve("out"), false, 0.2);

        RunOutcome data = executor.execute(plan("\"data\": {\"source\": \"hanging-data\"}, \"model\": {\"type\": \"linear\"}, "
                + "\"loss\": {\"type\": \"absolute\"}"));
        assertEquals(SolveStatus.TIME_LIMIT, data.result().status());
        assertEquals("run did not return within 0.700 s (data source \"hanging-data\" hung while loading data); "
                + "abandoned", data.result().message());

        RunOutcome model = executor.execute(plan("\"data\": {\"source\": \"stackloss\"}, "
                + "\"model\": {\"type\": \"hanging-model\"}, \"loss\": {\"type\": \"absolute\"}"));
        assertEquals(SolveStatus.TIME_LIMIT, model.result().status());
        assertTrue(model.result().message().contains("(model \"hanging-model\" hung while building the model)"),
                model.result().message());

        RunOutcome good = executor.execute(plan("\"data\": {\"source\": \"stackloss\"}, \"model\": {\"type\": \"linear\"}, "
                + "\"loss\": {\"type\": \"absolute\"}"));
        assertEquals(SolveStatus.OPTIMAL, good.result().status(), good.result().message());
        assertEquals(14518.0 / 345, good.result().objective(), 1e-9);
    }
}

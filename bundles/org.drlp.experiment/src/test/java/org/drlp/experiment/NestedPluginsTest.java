package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.PluginChoice;
import org.drlp.api.RunListener;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SpecException;
import org.drlp.api.StepListener;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.model.relu.BlockCoordinateMethod;
import org.drlp.model.relu.ReluLayerwiseModel;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.drlp.spi.PluginRole;
import org.drlp.spi.Problem;
import org.drlp.spi.SolverMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * One mechanism for plugins inside plugins: a PLUGIN parameter names a plugin of a role, with its
 * own parameters, resolved recursively, recorded, swept by dotted path, its seeds offset by
 * repeats, its problems located; the declared problem forms and time limits are honoured.
 */
class NestedPluginsTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();
    private final AtomicBoolean release = new AtomicBoolean();

    NestedPluginsTest() {
        plugins.registry.add(PluginRole.PIVOT, new DelegatingPivot(), plugins.reference("test.nested"));
    }

    @AfterEach
    void releaseHungThreads() {
        release.set(true);
    }

    /** A pivot rule with a pivot rule inside it (two levels below the solver), which it defers to. */
    static final class DelegatingPivot implements PivotRuleProvider {
        final List<String> created = new ArrayList<>();

        @Override
        public String name() {
            return "delegating";
        }

        @Override
        public String description() {
            return "defers to the rule it names";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.plugin("inner", PluginRole.PIVOT.id(), "dantzig", "the rule deferred to"),
                    ParameterSpec.real("weight", 1.0, "recorded only"));
        }

        @Override
        public PivotRule create(Parameters parameters) {
            PluginChoice inner = parameters.plugin("inner");
            created.add(inner.name());
            return inner.provider(PivotRuleProvider.class).create(inner.parameters());
        }
    }

    private String problems(String text) {
        Path spec = Specs.write(directory, "spec.json", text);
        return assertThrows(SpecException.class, () -> plugins.runner().validate(spec)).getMessage();
    }

    @Test
    void twoLevelsDeepResolveRunAreRecordedAndSweptByDottedPath() throws Exception {
        Path spec = Specs.write(directory, "nested.json", """
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "absolute"},
                  "solver": {"pivot": {"type": "delegating", "inner": {"type": "random", "seed": 4}}},
                  "sweep": {"solver.pivot.inner.seed": [4, 9]},
                  "repeats": 2,
                  "trace": false
                }
                """);
        ExperimentSummary summary = plugins.runner().run(spec, directory.resolve("out"), RunListener.NONE);
        assertEquals(4, summary.runs().size());
        for (ExperimentSummary.Run run : summary.runs()) {
            assertEquals(SolveStatus.OPTIMAL, run.status(), run.message());
            assertEquals(14518.0 / 345, run.objective(), 1e-9, "LAD's exact optimum on stackloss, whatever the rule");
        }
        assertEquals("001 solver.pivot.inner.seed=4 repeat=1", summary.runs().get(1).label());
        // the nested rule's seed: swept, and offset by the repeat (4, 5 | 9, 10), in a fresh rule per run
        assertEquals(List.of(4L, 5L, 9L, 10L), plugins.random.seeds);
        JsonObject run = Specs.results(directory.resolve("out")).getAsJsonArray("runs").get(3).getAsJsonObject();
        JsonObject pivot = run.getAsJsonObject("config").getAsJsonObject("solver").getAsJsonObject("pivot");
        assertEquals("delegating", pivot.get("type").getAsString());
        assertEquals(1.0, pivot.get("weight").getAsDouble(), "defaults are recorded");
        assertEquals("random", pivot.getAsJsonObject("inner").get("type").getAsString());
        assertEquals(10, pivot.getAsJsonObject("inner").get("seed").getAsLong());
        JsonObject origins = run.getAsJsonObject("plugins");
        assertEquals("test.nested", origins.getAsJsonObject("solver.pivot").get("bundle").getAsString());
        assertEquals("test.pivot", origins.getAsJsonObject("solver.pivot.inner").get("bundle").getAsString());
    }

    @Test
    void aNestedDefaultIsResolvedAndAPluginSweptByName() throws Exception {
        Path spec = Specs.write(directory, "defaults.json", """
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "absolute"},
                  "solver": {"pivot": "delegating"},
                  "sweep": {"solver.pivot.inner": ["bland", "dantzig"]},
                  "trace": false
                }
                """);
        ExperimentSummary summary = plugins.runner().run(spec, directory.resolve("out"), RunListener.NONE);
        assertEquals(List.of(SolveStatus.OPTIMAL, SolveStatus.OPTIMAL),
                summary.runs().stream().map(ExperimentSummary.Run::status).toList());
        JsonObject first = Specs.results(directory.resolve("out")).getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals("bland", first.getAsJsonObject("config").getAsJsonObject("solver").getAsJsonObject("pivot")
                .getAsJsonObject("inner").get("type").getAsString());
    }

    @Test
    void problemsInsideANestedPluginNameItsPathAndLine() {
        String unknown = problems("""
                {"data": {"source": "stackloss"}, "model": {"type": "linear"}, "loss": {"type": "absolute"},
                 "solver": {"pivot": {"type": "delegating", "inner": {"type": "nope"}}}}
                """);
        assertTrue(unknown.endsWith("spec.json:2:63 (solver.pivot.inner.type): unknown pivot rule \"nope\"; "
                + "available: bland, dantzig, delegating, random"), unknown);
        String shape = problems("""
                {"data": {"source": "stackloss"}, "model": {"type": "linear"}, "loss": {"type": "absolute"},
                 "solver": {"pivot": {"type": "delegating", "inner": 3, "weight": "heavy"}}}
                """);
        assertTrue(shape.contains("spec.json:2:54 (solver.pivot.inner): must name a pivot rule: \"name\" or "
                + "{\"type\": \"name\", ...}"), shape);
        assertTrue(shape.contains("(solver.pivot.weight): pivot rule \"delegating\": parameter \"weight\""), shape);
        String deep = problems("""
                {"data": {"source": "stackloss"}, "model": {"type": "linear"}, "loss": {"type": "absolute"},
                 "solver": {"pivot": {"type": "delegating", "inner": {"type": "random", "seeds": 1}}}}
                """);
        assertTrue(deep.contains("(solver.pivot.inner.seeds): pivot rule \"random\": unknown parameter \"seeds\"; "
                + "known: seed"), deep);
    }

    @Test
    void aParameterOfAnUndeclaredRoleIsAProblemNotACrash() {
        plugins.registry.add(PluginRole.METHOD, new TelescopeMethod(), plugins.reference("test.method"));
        String message = problems("""
                {"data": {"source": "stackloss"}, "model": {"type": "linear"}, "loss": {"type": "absolute"},
                 "solver": {"method": "telescope"}}
                """);
        assertTrue(message.contains("(solver.lens): solver method \"telescope\": parameter \"lens\" names a plugin "
                + "of the unknown role \"optics\"; roles: data, model, loss, method, pivot"), message);
    }

    @Test
    void aMethodIsCheckedAgainstTheFormOfProblemTheModelBuilds() {
        plugins.registry.add(PluginRole.METHOD, new BlockCoordinateMethod(new VertexWalkSolver()),
                plugins.reference("org.drlp.model.relu"));
        String message = problems("""
                {"data": {"source": "stackloss"}, "model": {"type": "linear"}, "loss": {"type": "absolute"},
                 "solver": {"method": "block-coordinate"}}
                """);
        assertTrue(message.endsWith("(solver.method): solver method \"block-coordinate\" does not work on a "
                + "separable program, which model \"linear\" builds; it works on a layer-by-layer problem "
                + "(no single program)"), message);

        plugins.registry.add(PluginRole.MODEL, new ReluLayerwiseModel(), plugins.reference("org.drlp.model.relu"));
        String layerwise = problems("""
                {"data": {"source": "stackloss"}, "model": {"type": "relu-layerwise", "network": "net.json",
                 "layers": [1]}, "loss": {"type": "absolute"}, "solver": {"method": "vertex-walk"}}
                """);
        assertTrue(layerwise.contains("(solver.method): solver method \"vertex-walk\" does not work on a "
                + "layer-by-layer problem (no single program), which model \"relu-layerwise\" builds; it works on "
                + "a ReLU program or a separable program"), layerwise);
    }

    @Test
    void theWatchdogHonoursATimeLimitByItsDeclaredMeaningWhateverItsName() throws Exception {
        plugins.registry.add(PluginRole.METHOD, new HangingMethod(release), plugins.reference("test.method"));
        Path spec = Specs.write(directory, "spec.json", """
                {"data": {"source": "stackloss"}, "model": {"type": "linear"}, "loss": {"type": "absolute"},
                 "solver": {"method": "hanging", "budget": 0.3}}
                """);
        SpecDocument document = SpecJsonReader.read(spec);
        SpecProblems problems = new SpecProblems(document);
        RunPlan plan = new RunConfigResolver(plugins.registry, problems, directory)
                .resolve(0, "000", SweepExpansion.expand(ExperimentSpec.parse(document, problems)).get(0), 0);
        problems.throwIfAny();
        RunOutcome outcome = new RunExecutor(directory.resolve("out"), false, 0.2).execute(plan);
        assertEquals(SolveStatus.TIME_LIMIT, outcome.result().status());
        assertEquals("run did not return within 0.500 s (solver method \"hanging\" hung while solving); abandoned",
                outcome.result().message());
    }

    /**
     * A method that overruns its limit but asks stopRequested once per step: once the watchdog has
     * abandoned its run the question answers true, and the abandoned thread stops instead of running on.
     */
    @Test
    void anAbandonedMethodThatAsksStopsAtItsNextStep() throws Exception {
        CountDownLatch returned = new CountDownLatch(1);
        plugins.registry.add(PluginRole.METHOD, new OverrunningMethod(returned), plugins.reference("test.method"));
        Path spec = Specs.write(directory, "spec.json", """
                {"data": {"source": "stackloss"}, "model": {"type": "linear"}, "loss": {"type": "absolute"},
                 "solver": {"method": "overrunning", "timeLimitSeconds": 0.3}}
                """);
        SpecDocument document = SpecJsonReader.read(spec);
        SpecProblems problems = new SpecProblems(document);
        RunPlan plan = new RunConfigResolver(plugins.registry, problems, directory)
                .resolve(0, "000", SweepExpansion.expand(ExperimentSpec.parse(document, problems)).get(0), 0);
        problems.throwIfAny();
        RunOutcome outcome = new RunExecutor(directory.resolve("out"), false, 0.2).execute(plan);
        assertEquals(SolveStatus.TIME_LIMIT, outcome.result().status());
        assertTrue(outcome.result().message().endsWith("abandoned"), outcome.result().message());
        assertTrue(returned.await(5, TimeUnit.SECONDS), "the abandoned method is still stepping");
    }

    /** Steps (a millisecond each) until asked to stop, whatever its time limit says. */
    static final class OverrunningMethod implements SolverMethod {
        private final CountDownLatch returned;

        OverrunningMethod(CountDownLatch returned) {
            this.returned = returned;
        }

        @Override
        public String name() {
            return "overrunning";
        }

        @Override
        public String description() {
            return "ignores its time limit, honours stop requests";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.timeLimit("timeLimitSeconds", 0.0, "seconds"));
        }

        @Override
        public SolveResult solve(Problem problem, Parameters parameters, StepListener listener) {
            try {
                for (long step = 1; !listener.stopRequested(); step++) {
                    listener.onStep(step, 1, 0, -1, -1, 0, 0);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        // the watchdog interrupts; only the stop request ends the loop
                    }
                }
                return SolveResult.failed("stopped", 0);
            } finally {
                returned.countDown();
            }
        }
    }

    /** A method with a strategy of a role nobody declared. */
    static final class TelescopeMethod implements SolverMethod {
        @Override
        public String name() {
            return "telescope";
        }

        @Override
        public String description() {
            return "needs a lens";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.plugin("lens", "optics", "wide", "the lens"));
        }

        @Override
        public SolveResult solve(Problem problem, Parameters parameters, StepListener listener) {
            throw new AssertionError("never planned");
        }
    }

    /** A method whose time limit is called {@code budget}, which never returns. */
    static final class HangingMethod implements SolverMethod {
        private final AtomicBoolean release;

        HangingMethod(AtomicBoolean release) {
            this.release = release;
        }

        @Override
        public String name() {
            return "hanging";
        }

        @Override
        public String description() {
            return "spins until released";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.timeLimit("budget", 0.0, "seconds"));
        }

        @Override
        public SolveResult solve(Problem problem, Parameters parameters, StepListener listener) {
            FaultyPlugins.hang(release, false);
            return SolveResult.failed("released", 0);
        }
    }
}

package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.PluginCatalog;
import org.drlp.api.PluginDescription;
import org.drlp.api.RunListener;
import org.drlp.api.SolveStatus;
import org.drlp.launcher.testplugin.HangingRule;
import org.drlp.launcher.testplugin.HotDroppedRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Third-party bundles in the plugins folder, hot-deployed by FileInstall in an in-process workbench. */
class HotDeploymentTest {

    private static final Path STACKLOSS = Path.of("..", "examples", "data", "stackloss.csv").toAbsolutePath().normalize();
    private static final long WAIT_MILLIS = 15_000;

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void droppedRuleIsUsableByNameAtOnceAndGoneWhenItsJarIsDeleted() throws Exception {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        try (Workbench workbench = Workbench.start(List.of("core", "regression"), new PluginFolder(plugins))) {
            PluginCatalog catalog = workbench.plugins();
            assertFalse(hasRule(catalog));

            Path jar = PluginJars.dropPivotRule(plugins);
            await("the dropped rule in the catalogue", () -> hasRule(catalog));

            ExperimentSummary summary = workbench.experiments().run(medianSpec(), temp.resolve("out"), RunListener.NONE);
            assertEquals(SolveStatus.OPTIMAL, summary.runs().get(0).status());
            assertEquals(14518.0 / 345, summary.runs().get(0).objective(), 1e-9);

            Files.delete(jar);
            await("the rule gone with its jar", () -> !hasRule(catalog));
        }
    }

    @Test
    void aWatchedFolderReportsLateDropsTheirFailuresAndRemovals() throws Exception {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginFolder folder = new PluginFolder(plugins);
        List<String> reports = new CopyOnWriteArrayList<>();
        try (Workbench workbench = Workbench.start(List.of("core", "regression"), folder)) {
            PluginCatalog catalog = workbench.plugins();
            workbench.awaitPlugins(folder);
            workbench.watchPlugins(folder, reports::add);

            PluginJars.dropUnresolvable(plugins);
            await("the broken drop reported", () -> reports.stream().anyMatch(r -> r.startsWith(
                    "plugin broken.jar (" + PluginJars.BROKEN_BUNDLE + " 2.0.0) did not start")
                    && r.contains("osgi.wiring.package=" + PluginJars.MISSING_PACKAGE)));

            Path jar = PluginJars.dropPivotRule(plugins);
            String rule = "plugin " + jar.getFileName() + " (" + PluginJars.RULE_BUNDLE + " " + PluginJars.RULE_VERSION + ")";
            await("the good drop reported", () -> reports.contains(rule + " installed"), reports::toString);
            await("the dropped rule in the catalogue", () -> hasRule(catalog));

            Files.delete(jar);
            await("the removal reported", () -> reports.contains(rule + " removed"));
            await("the rule gone with its jar", () -> !hasRule(catalog));
        }
        assertTrue(reports.stream().noneMatch(r -> r.contains("did not start") && r.contains(PluginJars.RULE_BUNDLE)), reports::toString);
    }

    @Test
    void aFolderCreatedAfterTheStartIsWatchedToo() throws Exception {
        Path plugins = temp.resolve("plugins-later");
        PluginFolder folder = new PluginFolder(plugins);
        List<String> reports = new CopyOnWriteArrayList<>();
        try (Workbench workbench = Workbench.start(List.of("core", "regression"), folder)) {
            PluginCatalog catalog = workbench.plugins();
            assertTrue(workbench.awaitPlugins(folder).isEmpty());
            workbench.watchPlugins(folder, reports::add);
            assertFalse(Files.exists(plugins), "watching does not create the folder");

            Files.createDirectory(plugins);
            Path jar = PluginJars.dropPivotRule(plugins);

            await("the drop into the new folder reported", () -> reports.contains("plugin " + jar.getFileName()
                    + " (" + PluginJars.RULE_BUNDLE + " " + PluginJars.RULE_VERSION + ") installed"));
            await("the dropped rule in the catalogue", () -> hasRule(catalog));
        }
    }

    @Test
    void aRunTheWatchdogAbandonsIsReportedAndFailsTheExitStatus() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJars.dropHangingRule(plugins);
        Path spec = Files.writeString(temp.resolve("hanging.json"), """
                {
                  "name": "hanging",
                  "data":   {"source": "csv", "path": "%s", "target": "stack.loss"},
                  "model":  {"type": "linear"},
                  "loss":   {"type": "absolute"},
                  "solver": {"method": "vertex-walk", "pivot": "%s", "timeLimitSeconds": 0.2}
                }
                """.formatted(STACKLOSS.toString().replace("\\", "\\\\"), HangingRule.NAME));

        int status = drlp("run", spec.toString(), "--out", temp.resolve("out").toString(), "--plugins", plugins.toString());

        assertEquals(Main.RUNS_FAILED, status, out::toString);
        List<String> console = out.toString().lines().toList();
        int row = console.indexOf(console.stream().filter(line -> line.startsWith("[1/1] 000 ")).findFirst().orElseThrow());
        assertTrue(console.get(row).contains("TIME_LIMIT") && console.get(row + 1).contains("pivot rule \"hanging\" hung")
                && console.get(row + 1).endsWith("abandoned"), out::toString);
        assertTrue(out.toString().contains("hanging: 1 run, 1 failed;"), out::toString);
    }

    @Test
    void runWaitsForTheInitialScanSoThatAPluginAlreadyInTheFolderIsUsable() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJars.dropPivotRule(plugins);
        Path results = temp.resolve("out");

        int status = drlp("run", medianSpec().toString(), "--out", results.toString(), "--plugins", plugins.toString());

        assertEquals(Main.OK, status, err::toString);
        JsonObject run = JsonParser.parseString(Files.readString(results.resolve("results.json")))
                .getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals("OPTIMAL", run.get("status").getAsString());
        assertEquals(14518.0 / 345, run.get("objective").getAsDouble(), 1e-9);
    }

    @Test
    void pluginsListsADroppedRuleWithItsBundleAndVersion() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJars.dropPivotRule(plugins);

        assertEquals(Main.OK, drlp("plugins", "--plugins", plugins.toString()), err::toString);

        assertTrue(out.toString().lines().anyMatch(line -> line.trim().startsWith(HotDroppedRule.NAME + " ")
                && line.endsWith("[" + PluginJars.RULE_BUNDLE + " " + PluginJars.RULE_VERSION + "]")), out::toString);
    }

    @Test
    void anUnresolvableBundleIsNamedWithItsMissingRequirementAndTheRestStillRuns() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJars.dropUnresolvable(plugins);
        PluginJars.dropPivotRule(plugins);

        assertEquals(Main.OK, drlp("plugins", "--plugins", plugins.toString()), err::toString);

        assertTrue(err.toString().contains("plugin broken.jar (" + PluginJars.BROKEN_BUNDLE + " 2.0.0) did not start"),
                err::toString);
        assertTrue(err.toString().contains("missing requirement")
                && err.toString().contains("osgi.wiring.package=" + PluginJars.MISSING_PACKAGE), err::toString);
        assertTrue(out.toString().contains(HotDroppedRule.NAME), out::toString);
    }

    @Test
    void debugAddsTheStackTraceOfAPluginThatDidNotStart() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJars.dropUnresolvable(plugins);

        assertEquals(Main.OK, drlp("plugins", "--plugins", plugins.toString()), err::toString);
        assertFalse(err.toString().contains("\tat "), err::toString);

        err.getBuffer().setLength(0);
        assertEquals(Main.OK, drlp("plugins", "--plugins", plugins.toString(), "--debug"), err::toString);
        assertTrue(err.toString().contains("org.osgi.framework.BundleException"), err::toString);
        assertTrue(err.toString().contains("\tat org.apache.felix.framework."), err::toString);
        assertTrue(err.toString().contains("plugin broken.jar (" + PluginJars.BROKEN_BUNDLE + " 2.0.0) did not start"),
                err::toString);
    }

    @Test
    void debugShowsFrameworkErrorsWithTheirStackTraces() throws Exception {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginFolder folder = new PluginFolder(plugins);
        StringWriter debug = new StringWriter();
        try (Workbench workbench = Workbench.start(List.of("core"), folder,
                new Workbench.Mode(false, new PrintWriter(debug, true)))) {
            // a listener that throws: Felix reports it as a framework error event
            workbench.watchPlugins(folder, report -> {
                throw new IllegalStateException("listener boom");
            });
            PluginJars.dropUnresolvable(plugins);

            await("the framework error shown", () -> debug.toString().contains("IllegalStateException: listener boom"));
        }
        assertTrue(debug.toString().contains("drlp: debug: framework error from bundle "), debug::toString);
        assertTrue(debug.toString().contains("\tat org.drlp.launcher."), debug::toString);
    }

    @Test
    void aJarThatIsNotABundleIsReportedWithoutWaiting() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        Files.writeString(plugins.resolve("notes.jar"), "not a jar");

        assertEquals(Main.OK, drlp("plugins", "--plugins", plugins.toString()), err::toString);

        assertTrue(err.toString().contains("plugin notes.jar is not a readable jar"), err::toString);
    }

    @Test
    void aMissingPluginsFolderIsAnError() {
        assertEquals(Main.ERROR, drlp("plugins", "--plugins", temp.resolve("nowhere").toString()));

        assertTrue(err.toString().contains("plugins folder " + temp.resolve("nowhere") + " does not exist"), err::toString);
    }

    private static boolean hasRule(PluginCatalog catalog) {
        for (PluginDescription plugin : catalog.plugins()) {
            if (plugin.role().equals("pivot") && plugin.name().equals(HotDroppedRule.NAME)) {
                return true;
            }
        }
        return false;
    }

    /** Median regression of the stack-loss data with the hot-dropped rule. */
    private Path medianSpec() throws IOException {
        Path spec = temp.resolve("median-hot-dropped.json");
        Files.writeString(spec, """
                {
                  "name": "stackloss-median-hot-dropped",
                  "data":   {"source": "csv", "path": "%s", "target": "stack.loss"},
                  "model":  {"type": "linear", "intercept": true},
                  "loss":   {"type": "absolute"},
                  "solver": {"method": "vertex-walk", "pivot": "%s"}
                }
                """.formatted(STACKLOSS.toString().replace("\\", "\\\\"), HotDroppedRule.NAME));
        return spec;
    }

    private int drlp(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, condition, () -> "");
    }

    /** Waits for the condition; a failure shows what {@code seen} holds then. */
    private static void await(String what, BooleanSupplier condition, Supplier<String> seen) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("gave up waiting " + WAIT_MILLIS / 1000 + " s for " + what + "; seen: " + seen.get());
            }
            Thread.sleep(50);
        }
    }
}

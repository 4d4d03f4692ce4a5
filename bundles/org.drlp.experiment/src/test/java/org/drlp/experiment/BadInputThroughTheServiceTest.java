package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.drlp.spi.PluginRole;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.SolveStatus;
import org.drlp.api.SpecException;
import org.drlp.data.CsvDataSource;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.loss.AbsoluteLoss;
import org.drlp.loss.EpsilonInsensitiveLoss;
import org.drlp.loss.QuantileLoss;
import org.drlp.model.linear.LinearModelProvider;
import org.drlp.pivot.BlandRule;
import org.drlp.pivot.DantzigRule;
import org.drlp.pivot.GreatestImprovementRule;
import org.drlp.pivot.RandomRule;
import org.drlp.pivot.SteepestEdgeRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the experiment service with the shipped plugins: parameter errors are one line
 * each naming file:line:column before anything runs; each bad CSV file fails only its own run with
 * a one-line message naming the file, line and column, while the other runs go on.
 */
class BadInputThroughTheServiceTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    /** The shipped plugins only. */
    private ExperimentRunner realRunner() {
        PluginRegistry registry = new PluginRegistry();
        registry.add(PluginRole.METHOD, new VertexWalkSolver(), plugins.reference("org.drlp.kernel"));
        TestPlugins.addWalkStrategies(registry, plugins.reference("org.drlp.kernel"));
        registry.add(PluginRole.MODEL, new LinearModelProvider(), plugins.reference("org.drlp.model.linear"));
        registry.add(PluginRole.LOSS, new AbsoluteLoss(), plugins.reference("org.drlp.loss"));
        registry.add(PluginRole.LOSS, new QuantileLoss(), plugins.reference("org.drlp.loss"));
        registry.add(PluginRole.LOSS, new EpsilonInsensitiveLoss(), plugins.reference("org.drlp.loss"));
        registry.add(PluginRole.PIVOT, new DantzigRule(), plugins.reference("org.drlp.pivot"));
        registry.add(PluginRole.PIVOT, new SteepestEdgeRule(), plugins.reference("org.drlp.pivot"));
        registry.add(PluginRole.PIVOT, new GreatestImprovementRule(), plugins.reference("org.drlp.pivot"));
        registry.add(PluginRole.PIVOT, new BlandRule(), plugins.reference("org.drlp.pivot"));
        registry.add(PluginRole.PIVOT, new RandomRule(), plugins.reference("org.drlp.pivot"));
        registry.add(PluginRole.DATA, new CsvDataSource(), plugins.reference("org.drlp.data"));
        return new ExperimentRunner(registry);
    }

    private String specProblem(String loss, String solver) throws Exception {
        Files.writeString(directory.resolve("good.csv"), "x,y\n1,1\n2,1\n3,2\n4,3\n5,2\n");
        Path spec = Specs.write(directory, "spec.json", "{\"data\": {\"source\": \"csv\", \"path\": \"good.csv\", "
                + "\"target\": \"y\"},\n \"model\": {\"type\": \"linear\"},\n \"loss\": " + loss + ",\n \"solver\": "
                + solver + "}\n");
        String message = assertThrows(SpecException.class, () -> realRunner().validate(spec)).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(message.startsWith(spec + ":"), message);
        return message;
    }

    @Test
    void outOfRangeAndIllTypedParametersOfTheShippedPluginsAreOneLineEach() throws Exception {
        String none = "{}";
        for (String tau : new String[] {"0", "1", "1.5", "-0.1"}) {
            String message = specProblem("{\"type\": \"quantile\", \"tau\": " + tau + "}", none);
            assertTrue(message.contains("(loss.tau): loss \"quantile\": parameter \"tau\" = ")
                    && message.endsWith(" is out of range; allowed (0, 1) or \"process\""), message);
        }
        assertEnds(specProblem("{\"type\": \"quantile\", \"tau\": \"half\"}", none),
                ":3:38 (loss.tau): loss \"quantile\": parameter \"tau\" = \"half\" is not allowed; allowed (0, 1) or \"process\"");
        assertEnds(specProblem("{\"type\": \"epsilon-insensitive\", \"epsilon\": -0.5}", none),
                "(loss.epsilon): loss \"epsilon-insensitive\": parameter \"epsilon\" = -0.5 is out of range; allowed >= 0");
        assertEnds(specProblem("{\"type\": \"absolute\"}", "{\"pivot\": \"steepest\"}"),
                "(solver.pivot): unknown pivot rule \"steepest\"; available: bland, dantzig, greatest-improvement, "
                        + "random, steepest-edge");
        assertTrue(specProblem("{\"type\": \"absolute\"}", "{\"tolerance\": 0.5}").contains(
                "parameter \"tolerance\" = 0.5 is out of range"));
    }

    @Test
    void eachBadCsvFileFailsOnlyItsRunWithFileLineAndColumn() throws Exception {
        Files.writeString(directory.resolve("good.csv"), "x,y\n1,1\n2,1\n3,2\n4,3\n5,2\n");
        Files.writeString(directory.resolve("ragged.csv"), "x,y\n1,1\n2\n");
        Files.writeString(directory.resolve("text.csv"), "x,y\n1,1\n2,one\n");
        Files.writeString(directory.resolve("nan.csv"), "x,y\n1,1\nNaN,2\n");
        Files.writeString(directory.resolve("infinite.csv"), "x,y\n1,1\n2,Infinity\n");
        Files.writeString(directory.resolve("suffix.csv"), "x,y\n1,1\n2,5f\n");
        Path spec = Specs.write(directory, "csv.json", """
                {
                  "data": {"source": "csv", "path": "good.csv", "target": "y"},
                  "model": {"type": "linear"},
                  "loss": {"type": "absolute"},
                  "sweep": {"data.path": ["good.csv", "ragged.csv", "text.csv", "nan.csv", "infinite.csv",
                                          "suffix.csv", "good.csv"]},
                  "trace": false
                }
                """);
        ExperimentSummary summary = realRunner().run(spec, directory.resolve("out"), RunListener.NONE);
        List<ExperimentSummary.Run> runs = summary.runs();
        assertEquals(7, runs.size());
        assertEquals(SolveStatus.OPTIMAL, runs.get(0).status());
        assertEquals(2.0, runs.get(0).objective(), 1e-12, "Barrodale-Roberts' textbook data");
        assertEquals(2.0, runs.get(6).objective(), 1e-12, "the sweep went on");
        String base = directory.toAbsolutePath().normalize().toString();
        assertFailedWith(runs.get(1), base, "ragged.csv:3: expected 2 fields as in the header, found 1");
        assertFailedWith(runs.get(2), base, "text.csv:3:2 (y): not a number: \"one\"");
        assertFailedWith(runs.get(3), base, "nan.csv:3:1 (x): not a finite number: \"NaN\"");
        assertFailedWith(runs.get(4), base, "infinite.csv:3:2 (y): not a finite number: \"Infinity\"");
        assertFailedWith(runs.get(5), base, "suffix.csv:3:2 (y): not a number: \"5f\"");
        assertEquals(7, Specs.results(directory.resolve("out")).getAsJsonArray("runs").size());
    }

    /** What the header line alone shows is refused before anything runs: see ValidateChecksBeforeRunningTest. */
    @Test
    void aMissingFileAnEmptyFileOrAMissingTargetIsASpecProblem() throws Exception {
        Files.writeString(directory.resolve("empty.csv"), "");
        Files.writeString(directory.resolve("notarget.csv"), "x,z\n1,1\n");
        Path spec = Specs.write(directory, "csv.json", """
                {
                  "data": {"source": "csv", "path": "missing.csv", "target": "y"},
                  "model": {"type": "linear"},
                  "loss": {"type": "absolute"},
                  "sweep": {"data.path": ["missing.csv", "empty.csv", "notarget.csv"]}
                }
                """);
        String message = assertThrows(SpecException.class, () -> realRunner().run(spec, directory.resolve("out"),
                RunListener.NONE)).getMessage();
        String base = directory.toAbsolutePath().normalize().toString();
        assertTrue(message.contains("(sweep.data.path[0]): data source \"csv\": " + base + "/missing.csv: no such file"),
                message);
        assertTrue(message.contains("(sweep.data.path[1]): data source \"csv\": " + base
                + "/empty.csv: empty file, expected a header line"), message);
        assertTrue(message.contains("(data.target): data source \"csv\": " + base
                + "/notarget.csv:1: no column \"y\" for the target; the columns are x, z"), message);
        assertFalse(Files.exists(directory.resolve("out")), "nothing ran");
    }

    private static void assertEnds(String message, String tail) {
        assertTrue(message.endsWith(tail), message);
    }

    private static void assertFailedWith(ExperimentSummary.Run run, String folder, String tail) {
        assertEquals(SolveStatus.FAILED, run.status(), run.label());
        String message = run.message();
        assertEquals("loading data: " + folder + "/" + tail, message);
        assertFalse(message.contains("\n") || message.contains("Exception"), message);
    }
}

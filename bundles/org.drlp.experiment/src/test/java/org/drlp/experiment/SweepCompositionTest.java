package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.RunOptions;
import org.drlp.api.RunSelection;
import org.drlp.api.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Sweep values as ranges and zipped axes, and spec values replaced from the command line (--set). */
class SweepCompositionTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    private Path spec(String sweep) {
        return Specs.write(directory, "spec.json", """
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear", "intercept": true},
                  "loss": {"type": "quantile", "tau": 0.5},
                  "sweep": %s
                }
                """.formatted(sweep));
    }

    private List<String> labels(Path spec, List<String> overrides) throws Exception {
        Path out = Files.createTempDirectory(directory, "out");
        ExperimentSummary summary = plugins.runner().run(spec, out, RunListener.NONE,
                new RunOptions(1, false, false, RunSelection.ALL, overrides));
        assertEquals(0, summary.failures());
        List<String> labels = new ArrayList<>();
        summary.runs().forEach(run -> labels.add(run.label()));
        return labels;
    }

    private String problem(Path spec, String... overrides) {
        return assertThrows(SpecException.class, () -> plugins.runner().validate(spec, List.of(overrides))).getMessage();
    }

    @Test
    void aRangeIncludesItsEndAndItsValuesPrintAsWritten() throws Exception {
        Path spec = spec("{\"loss.tau\": {\"from\": 0.05, \"to\": 0.95, \"step\": 0.05}}");
        assertEquals(19, plugins.runner().validate(spec));
        List<String> labels = labels(Specs.write(directory, "short.json", Files.readString(spec)
                .replace("{\"from\": 0.05, \"to\": 0.95, \"step\": 0.05}", "{\"from\": 0.05, \"to\": 0.25, \"step\": 0.05}")),
                List.of());
        assertEquals(List.of("000 loss.tau=0.05", "001 loss.tau=0.1", "002 loss.tau=0.15", "003 loss.tau=0.2",
                "004 loss.tau=0.25"), labels);
        assertEquals(List.of("000 loss.tau=0.9", "001 loss.tau=0.5", "002 loss.tau=0.1"),
                labels(spec("{\"loss.tau\": {\"from\": 0.9, \"to\": 0.1, \"step\": -0.4}}"), List.of()), "downwards");
        assertEquals(List.of("000 loss.tau=0.1", "001 loss.tau=0.4", "002 loss.tau=0.7"),
                labels(spec("{\"loss.tau\": {\"from\": 0.1, \"to\": 0.95, \"step\": 0.3}}"), List.of()),
                "a step that does not divide the span stops before the end");
        assertEquals(List.of("000 loss.tau=0.25"),
                labels(spec("{\"loss.tau\": {\"from\": 0.25, \"to\": 0.25, \"step\": 1}}"), List.of()));
    }

    @Test
    void aRangeGivesTheRunsOfItsValuesWrittenOut() throws Exception {
        ExperimentSummary range = plugins.runner().run(spec("{\"loss.tau\": {\"from\": 0.1, \"to\": 0.9, \"step\": 0.2}}"),
                directory.resolve("range"), RunListener.NONE);
        ExperimentSummary listed = plugins.runner().run(Specs.write(directory, "listed.json", Files.readString(
                directory.resolve("spec.json")).replace("{\"from\": 0.1, \"to\": 0.9, \"step\": 0.2}", "[0.1, 0.3, 0.5, 0.7, 0.9]")),
                directory.resolve("listed"), RunListener.NONE);
        assertEquals(5, range.runs().size());
        for (int i = 0; i < 5; i++) {
            assertEquals(listed.runs().get(i).label(), range.runs().get(i).label());
            assertEquals(listed.runs().get(i).objective(), range.runs().get(i).objective(), 0.0);
        }
    }

    @Test
    void badRangesAreLocatedOneLineProblems() {
        assertTrue(problem(spec("{\"loss.tau\": {\"from\": 0.1, \"to\": 0.9, \"step\": 0}}")).matches(
                "\\S*spec.json:5:\\d+ \\(sweep.loss.tau.step\\): a range's step must not be 0"));
        String wrongSign = problem(spec("{\"loss.tau\": {\"from\": 0.1, \"to\": 0.9, \"step\": -0.1}}"));
        assertTrue(wrongSign.endsWith("(sweep.loss.tau.step): step -0.1 goes away from \"to\" (0.1 to 0.9); "
                + "it must be positive"), wrongSign);
        assertTrue(problem(spec("{\"loss.tau\": {\"from\": 0.1, \"step\": 0.1}}"))
                .endsWith("(sweep.loss.tau): a range needs \"to\", a number, as in {\"from\": 0.05, \"to\": 0.95, \"step\": 0.05}"));
        assertTrue(problem(spec("{\"loss.tau\": {\"from\": 0.1, \"to\": \"1\", \"step\": 0.1}}"))
                .contains("(sweep.loss.tau.to): a range needs \"to\", a number"));
        assertTrue(problem(spec("{\"loss.tau\": {\"from\": 0.1, \"to\": 0.9, \"step\": 0.1, \"by\": 2}}"))
                .contains("(sweep.loss.tau.by): unknown key \"by\" in a range"));
        assertTrue(problem(spec("{\"loss.tau\": {\"from\": 0, \"to\": 1, \"step\": 1e-9}}"))
                .contains("(sweep.loss.tau): the range has more than 1000000 values"));
    }

    @Test
    void zippedAxesGiveOneRunPerPositionTimesTheOtherAxes() throws Exception {
        Path spec = spec("{\"zip\": {\"loss.tau\": [0.2, 0.5, 0.8], \"data.rows\": [21, 15, 10]}, "
                + "\"solver.pivot\": [\"dantzig\", \"bland\"]}");
        Path out = directory.resolve("zipped");
        ExperimentSummary summary = plugins.runner().run(spec, out, RunListener.NONE);
        assertEquals(6, summary.runs().size());
        assertEquals("000 loss.tau=0.2 data.rows=21 solver.pivot=dantzig", summary.runs().get(0).label());
        assertEquals("003 loss.tau=0.5 data.rows=15 solver.pivot=bland", summary.runs().get(3).label());
        double[] taus = {0.2, 0.5, 0.8};
        int[] rows = {21, 15, 10};
        JsonObject results = Specs.results(out);
        for (int i = 0; i < 6; i++) {
            JsonObject config = results.getAsJsonArray("runs").get(i).getAsJsonObject().getAsJsonObject("config");
            assertEquals(taus[i / 2], config.getAsJsonObject("loss").get("tau").getAsDouble(), 0.0);
            assertEquals(rows[i / 2], config.getAsJsonObject("data").get("rows").getAsInt());
        }
        assertEquals(List.of("loss.tau", "data.rows", "solver.pivot"), summary.sweptPaths());
        // each zipped run equals the run of its values written into the spec
        Path fixed = Specs.write(directory, "fixed.json", """
                {"data": {"source": "stackloss", "rows": 15}, "model": {"type": "linear", "intercept": true},
                 "loss": {"type": "quantile", "tau": 0.5}, "solver": {"pivot": "bland"}}
                """);
        assertEquals(plugins.runner().run(fixed, directory.resolve("fixed"), RunListener.NONE).runs().get(0).objective(),
                summary.runs().get(3).objective(), 0.0);
    }

    @Test
    void zippedListsOfDifferentLengthsAndOtherZipMistakesAreProblems() {
        String message = problem(spec("{\"zip\": {\"loss.tau\": [0.2, 0.5, 0.8], \"data.rows\": [21, 15]}}"));
        assertTrue(message.matches("\\S*spec.json:5:\\d+ \\(sweep.zip\\): zipped lists must be equally long "
                + "\\(one run per position\\): loss.tau has 3, data.rows has 2"), message);
        assertTrue(problem(spec("{\"zip\": [1, 2]}")).contains("(sweep.zip): \"zip\" must be an object"));
        assertTrue(problem(spec("{\"zip\": {\"loss.tau\": [0.2], \"data.rows\": [21]}, \"loss.tau\": [0.3]}"))
                .contains("\"loss.tau\" is swept twice"));
        assertTrue(problem(spec("{\"zip\": {\"lose.tau\": [0.2], \"data.rows\": [21]}}"))
                .contains("(sweep.zip.lose.tau): cannot sweep \"lose.tau\""));
    }

    @Test
    void setReplacesValuesNestedPluginsIncludedAndIsValidatedLikeTheSpec() throws Exception {
        Path spec = Specs.write(directory, "quantiles.json", Specs.QUANTILES);
        Path out = directory.resolve("set");
        ExperimentSummary summary = plugins.runner().run(spec, out, RunListener.NONE, new RunOptions(1, false, false,
                RunSelection.ALL, List.of("loss.tau=0.3", "solver.lineSearch.type=crossing", "data.rows=15")));
        assertEquals(2, summary.runs().size(), "a swept path that is set is no longer swept");
        assertEquals(List.of("solver.pivot"), summary.sweptPaths());
        JsonObject results = Specs.results(out);
        JsonObject config = results.getAsJsonArray("runs").get(1).getAsJsonObject().getAsJsonObject("config");
        assertEquals(0.3, config.getAsJsonObject("loss").get("tau").getAsDouble(), 0.0);
        assertEquals("crossing", config.getAsJsonObject("solver").getAsJsonObject("lineSearch").get("type").getAsString());
        assertEquals(15, config.getAsJsonObject("data").get("rows").getAsInt());
        assertEquals(3, results.getAsJsonArray("overrides").size());
        JsonObject copy = com.google.gson.JsonParser.parseString(Files.readString(out.resolve("spec.json"))).getAsJsonObject();
        assertEquals(0.3, copy.getAsJsonObject("loss").get("tau").getAsDouble(), 0.0, "spec.json runs what ran");
        assertFalse(copy.getAsJsonObject("sweep").has("loss.tau"));

        Path written = Specs.write(directory, "written.json", """
                {"data": {"source": "stackloss", "rows": 15}, "model": {"type": "linear", "intercept": true},
                 "loss": {"type": "quantile", "tau": 0.3}, "solver": {"pivot": "bland", "lineSearch": "crossing"}}
                """);
        assertEquals(plugins.runner().run(written, directory.resolve("written"), RunListener.NONE).runs().get(0).objective(),
                summary.runs().get(1).objective(), 0.0, "the same as the values written into a spec");
        assertEquals(1, plugins.runner().validate(spec, List.of("solver.pivot=bland", "loss.tau=0.9", "repeats=1")));
        assertEquals(3, plugins.runner().validate(spec, List.of("solver.pivot=bland", "loss.tau=0.9", "repeats=3")));
    }

    @Test
    void aBadSetNamesTheAssignmentAndListsWhatIsAvailable() {
        Path spec = Specs.write(directory, "quantiles.json", Specs.QUANTILES);
        String file = spec.toString();
        assertEquals(file + ": --set loss.tau=abc (loss.tau): loss \"quantile\": parameter \"tau\" = \"abc\" is not a number",
                problem(spec, "loss.tau=abc"));
        String unknown = problem(spec, "loss.taux=0.3");
        assertTrue(unknown.startsWith(file + ": --set loss.taux=0.3 (loss.taux): ") && unknown.contains("unknown parameter \"taux\"")
                && unknown.contains("tau"), unknown);
        String nested = problem(spec, "solver.lineSearch.type=crossin");
        assertTrue(nested.startsWith(file + ": --set solver.lineSearch.type=crossin (solver.lineSearch.type): ")
                && nested.contains("crossing") && nested.contains("weighted-median"), nested);
        String section = problem(spec, "lose.tau=0.3");
        assertTrue(section.startsWith(file + ": --set lose.tau=0.3: cannot set \"lose.tau\"")
                && section.contains("data, model, loss, solver") && section.contains("repeats"), section);
        assertEquals(file + ": --set tau: expected PATH=VALUE, such as loss.tau=0.3 or solver.pivot=bland",
                problem(spec, "tau"));
        assertTrue(problem(spec, "repeats=0").contains("--set repeats=0 (repeats): \"repeats\" must be an integer >= 1"));
    }

    @Test
    void oneOfZippedAxesCannotBeSetAlone() {
        Path spec = spec("{\"zip\": {\"loss.tau\": [0.2, 0.5], \"data.rows\": [21, 15]}}");
        String message = problem(spec, "loss.tau=0.3");
        assertTrue(message.contains("--set loss.tau=0.3: \"loss.tau\" is zipped with data.rows"), message);
    }

    @Test
    void valuesOfSetAreJsonOrElseText() {
        assertEquals(new com.google.gson.JsonPrimitive(new java.math.BigDecimal("0.3")), SpecOverrides.value("0.3"));
        assertEquals(new com.google.gson.JsonPrimitive("bland"), SpecOverrides.value("bland"));
        assertEquals(new com.google.gson.JsonPrimitive("0.3"), SpecOverrides.value("\"0.3\""));
        assertEquals(new com.google.gson.JsonPrimitive(true), SpecOverrides.value("true"));
        JsonElement list = SpecOverrides.value("[1, 2]");
        assertTrue(list.isJsonArray() && list.getAsJsonArray().size() == 2);
        assertEquals(new com.google.gson.JsonPrimitive("1 2"), SpecOverrides.value("1 2"), "not one JSON value: text");
    }
}

package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.SolveStatus;
import org.drlp.api.SpecException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} refuses what {@code run} would fail on and what can be known before running:
 * files that are missing, columns not in the header, a bad delimiter, integers out of range,
 * nothing to fit, a layer the network does not have, a model with a method that cannot solve it.
 * Each problem names the spec's file, line, column and path; for a file, the file and its line.
 */
class ValidateChecksBeforeRunningTest {

    private static final Path EXAMPLES = Path.of("..", "..", "examples");

    @TempDir
    Path directory;

    private String base;

    @BeforeEach
    void files() throws IOException {
        base = directory.toAbsolutePath().normalize().toString();
        Files.writeString(directory.resolve("good.csv"), "x1,x2,y\n1,0,1\n2,1,1\n3,0,2\n4,1,3\n5,0,2\n");
        // a network with one hidden layer: layers 1 (hidden) and 2 (output), two inputs
        Files.writeString(directory.resolve("net.json"), """
                {"layers": [{"weights": [[1, 0], [0, 1]], "biases": [0, 0]}, {"weights": [[1, 1]], "biases": [0]}]}
                """);
        Files.createDirectories(directory.resolve("folder.csv"));
    }

    private String problems(String text) {
        Path spec = Specs.write(directory, "spec.json", text);
        return assertThrows(SpecException.class, () -> ShippedPlugins.runner().validate(spec)).getMessage();
    }

    /** The one problem of a spec: {@code spec.json:line:column (path): message}. */
    private void assertOnlyProblem(String text, String path, String message) {
        String problems = problems(text);
        assertFalse(problems.contains("\n"), "one problem: " + problems);
        assertTrue(problems.startsWith(directory.resolve("spec.json") + ":"), problems);
        assertTrue(problems.endsWith(" (" + path + "): " + message), problems);
    }

    private static String csv(String dataKeys) {
        return "{\"data\": {\"source\": \"csv\", " + dataKeys + "},\n \"model\": {\"type\": \"linear\"},\n"
                + " \"loss\": {\"type\": \"absolute\"}}";
    }

    private static String reluLayer(String modelKeys) {
        return "{\"data\": {\"source\": \"csv\", \"path\": \"good.csv\", \"target\": \"y\"},\n"
                + " \"model\": {\"type\": \"relu-layer\", " + modelKeys + "},\n \"loss\": {\"type\": \"absolute\"}}";
    }

    @Test
    void aMissingOrUnreadableCsvFileIsNamed() {
        assertOnlyProblem(csv("\"path\": \"missing.csv\", \"target\": \"y\""), "data.path",
                "data source \"csv\": " + base + "/missing.csv: no such file");
        assertOnlyProblem(csv("\"path\": \"folder.csv\", \"target\": \"y\""), "data.path",
                "data source \"csv\": " + base + "/folder.csv: a directory, not a CSV file");
    }

    @Test
    void anEmptyCsvFileIsNamed() throws IOException {
        Files.writeString(directory.resolve("empty.csv"), "\n\n");
        assertOnlyProblem(csv("\"path\": \"empty.csv\", \"target\": \"y\""), "data.path",
                "data source \"csv\": " + base + "/empty.csv: empty file, expected a header line");
    }

    @Test
    void targetAndFeatureColumnsMustBeInTheHeader() {
        assertOnlyProblem(csv("\"path\": \"good.csv\", \"target\": \"z\""), "data.target",
                "data source \"csv\": " + base + "/good.csv:1: no column \"z\" for the target; the columns are x1, x2, y");
        String both = problems(csv("\"path\": \"good.csv\", \"target\": \"y\", \"features\": [\"x1\", \"x9\", \"y\"]"));
        assertTrue(both.contains(" (data.features): data source \"csv\": " + base
                + "/good.csv:1: no column \"x9\" for a feature; the columns are x1, x2, y"), both);
        assertTrue(both.contains(" (data.features): data source \"csv\": " + base
                + "/good.csv:1:3 (y): the target cannot also be a feature"), both);
    }

    @Test
    void theLinearModelsFeaturesMustBeAmongTheDatas() {
        assertOnlyProblem("""
                {"data": {"source": "csv", "path": "good.csv", "target": "y"},
                 "model": {"type": "linear", "features": ["x2", "x3"]},
                 "loss": {"type": "absolute"}}
                """, "model.features", "model \"linear\": unknown feature \"x3\"; the data has x1, x2");
    }

    @Test
    void theDelimiterIsOneCharacter() {
        assertOnlyProblem(csv("\"path\": \"good.csv\", \"target\": \"y\", \"delimiter\": \";;\""), "data.delimiter",
                "data source \"csv\": parameter \"delimiter\" = \";;\" must be one character other than a double "
                        + "quote or a line break");
    }

    @Test
    void anIntegerBeyondTheRangeOrWithAFractionNamesTheRange() {
        String synthetic = "{\"data\": {\"source\": \"synthetic\", \"n\": %s},\n \"model\": {\"type\": \"linear\"},\n"
                + " \"loss\": {\"type\": \"absolute\"}}";
        assertOnlyProblem(String.format(synthetic, "1e10"), "data.n",
                "data source \"synthetic\": parameter \"n\" = 10000000000 is out of range; allowed [1, 2147483647]");
        assertOnlyProblem(String.format(synthetic, "1.5"), "data.n",
                "data source \"synthetic\": parameter \"n\" = 1.5 is not an integer; allowed integers [1, 2147483647]");
        assertOnlyProblem(String.format(synthetic, "1e300"), "data.n",
                "data source \"synthetic\": parameter \"n\" = 1.0E300 is out of range; allowed [1, 2147483647]");
        String solver = "{\"data\": {\"source\": \"synthetic\"},\n \"model\": {\"type\": \"linear\"},\n"
                + " \"loss\": {\"type\": \"absolute\"}, \"solver\": {\"%s\": {\"type\": \"%s\", \"%s\": 1e10}}}";
        for (String[] nested : new String[][] {{"refactor", "every", "pivots"}, {"antiCycling", "bland-after", "zeroSteps"}}) {
            String owner = nested[0].equals("refactor") ? "refactorisation policy" : "anti-cycling rule";
            assertOnlyProblem(String.format(solver, (Object[]) nested), "solver." + nested[0] + "." + nested[2],
                    owner + " \"" + nested[1] + "\": parameter \"" + nested[2]
                            + "\" = 10000000000 is out of range; allowed [1, 2147483647]");
        }
    }

    @Test
    void noInterceptAndNoFeaturesIsNothingToFit() {
        assertOnlyProblem("""
                {"data": {"source": "csv", "path": "good.csv", "target": "y"},
                 "model": {"type": "linear", "intercept": false, "features": []},
                 "loss": {"type": "absolute"}}
                """, "model.intercept", "model \"linear\": no intercept and no features: nothing to fit");
        assertOnlyProblem("""
                {"data": {"source": "synthetic", "p": 0},
                 "model": {"type": "linear", "intercept": false},
                 "loss": {"type": "absolute"}}
                """, "model.intercept",
                "model \"linear\": no intercept and no features: nothing to fit (the data has no feature columns)");
    }

    @Test
    void aLayerTheNetworkDoesNotHaveIsNamed() {
        assertOnlyProblem(reluLayer("\"network\": \"net.json\", \"layer\": 9"), "model.layer",
                "model \"relu-layer\": layer 9 does not exist; the network " + base + "/net.json has layers 1..2 "
                        + "(2 is the output layer)");
        String layerwise = problems("""
                {"data": {"source": "csv", "path": "good.csv", "target": "y"},
                 "model": {"type": "relu-layerwise", "network": "net.json", "layers": [1, 3]},
                 "loss": {"type": "absolute"},
                 "solver": {"method": "block-coordinate"}}
                """);
        assertTrue(layerwise.endsWith("(model.layers): model \"relu-layerwise\": layer 3 does not exist; the network "
                + base + "/net.json has layers 1..2 (2 is the output layer)"), layerwise);
    }

    @Test
    void aMissingOrMalformedNetworkFileIsNamed() throws IOException {
        assertOnlyProblem(reluLayer("\"network\": \"none.json\""), "model.network",
                "model \"relu-layer\": " + base + "/none.json: no such file");
        Files.writeString(directory.resolve("bad.json"), "{\"layers\": [{\"weights\": [[1, 2]], \"biases\": [0, 0]}]}");
        String malformed = problems(reluLayer("\"network\": \"bad.json\""));
        assertTrue(malformed.contains("(model.network): model \"relu-layer\": " + base + "/bad.json: layer 1: "), malformed);
    }

    @Test
    void theNetworkTakesAsManyInputsAsTheDataHasFeatures() {
        assertOnlyProblem("""
                {"data": {"source": "synthetic", "p": 3},
                 "model": {"type": "relu-layer", "network": "net.json"},
                 "loss": {"type": "absolute"}}
                """, "model.network", "model \"relu-layer\": the data has 3 feature columns [x1, x2, x3] but the "
                + "network " + base + "/net.json takes 2 inputs");
    }

    @Test
    void modelAndMethodMustFit() {
        assertOnlyProblem("""
                {"data": {"source": "csv", "path": "good.csv", "target": "y"},
                 "model": {"type": "relu-layerwise", "network": "net.json", "layers": [1, 2]},
                 "loss": {"type": "absolute"}}
                """, "model.type", "solver method \"vertex-walk\" does not work on a layer-by-layer problem (no single "
                + "program), which model \"relu-layerwise\" builds; it works on a ReLU program or a separable program");
        assertOnlyProblem("""
                {"data": {"source": "csv", "path": "good.csv", "target": "y"},
                 "model": {"type": "linear"},
                 "loss": {"type": "absolute"},
                 "solver": {"method": "block-coordinate"}}
                """, "solver.method", "solver method \"block-coordinate\" does not work on a separable program, which "
                + "model \"linear\" builds; it works on a layer-by-layer problem (no single program)");
    }

    @Test
    void theArgminStartMustFitTheNetwork() {
        assertOnlyProblem("""
                {"model": {"type": "relu-argmin", "network": "net.json", "start": [1, 2, 3]}}
                """, "model.start", "model \"relu-argmin\": start has 3 values but the network " + base
                + "/net.json takes 2 inputs");
        assertOnlyProblem("""
                {"model": {"type": "relu-argmin", "network": "net.json", "startLow": 1}}
                """, "model.start", "model \"relu-argmin\": give both startLow and startHigh for a random start, or neither");
    }

    @Test
    void everyProblemOfEverySectionIsReportedAtOnceAndASweptValuePointsAtItsEntry() {
        String message = problems("""
                {
                  "data": {"source": "csv", "path": "good.csv", "target": "y", "delimiter": "ab"},
                  "model": {"type": "relu-layer", "network": "none.json", "layer": 1.5},
                  "loss": {"type": "quantile", "tau": 2},
                  "sweep": {"data.path": ["good.csv", "missing.csv"]}
                }
                """);
        String file = directory.resolve("spec.json").toString();
        List<String> lines = message.lines().toList();
        assertEquals(file + ": 4 problems", lines.get(0), message);
        assertEquals(5, lines.size(), "each problem once, though two sweep points share three: " + message);
        assertTrue(lines.contains(file + ":3:68 (model.layer): model \"relu-layer\": parameter \"layer\" = 1.5 is not "
                + "an integer; allowed integers [1, 2147483647]"), message);
        assertTrue(lines.contains(file + ":4:39 (loss.tau): loss \"quantile\": parameter \"tau\" = 2.0 is out of range; "
                + "allowed (0, 1) or \"process\""), message);
        assertTrue(lines.contains(file + ":2:77 (data.delimiter): data source \"csv\": parameter \"delimiter\" = \"ab\" "
                + "must be one character other than a double quote or a line break"), message);
        assertTrue(lines.contains(file + ":5:39 (sweep.data.path[1]): data source \"csv\": " + base
                + "/missing.csv: no such file"), message);
    }

    @Test
    void validateReadsOnlyTheHeaderSoBadRowsStillFailOnlyTheirRun() throws Exception {
        Files.writeString(directory.resolve("suffix.csv"), "x,y\n1,1\n2,5f\n");
        Files.writeString(directory.resolve("double.csv"), "x,y\n1,1\n1d,2\n");
        Files.writeString(directory.resolve("hex.csv"), "x,y\n1,1\n2,3\n0x1p3,4\n");
        Files.writeString(directory.resolve("fine.csv"), "x,y\n1,1\n2,1\n3,2\n4,3\n5,2\n");
        Path spec = Specs.write(directory, "rows.json", """
                {"data": {"source": "csv", "path": "fine.csv", "target": "y"},
                 "model": {"type": "linear"}, "loss": {"type": "absolute"}, "trace": false,
                 "sweep": {"data.path": ["suffix.csv", "double.csv", "hex.csv", "fine.csv"]}}
                """);
        ExperimentRunner runner = ShippedPlugins.runner();
        assertEquals(4, runner.validate(spec));
        List<ExperimentSummary.Run> runs = runner.run(spec, directory.resolve("out"), RunListener.NONE).runs();
        assertEquals("loading data: " + base + "/suffix.csv:3:2 (y): not a number: \"5f\"", runs.get(0).message());
        assertEquals("loading data: " + base + "/double.csv:3:1 (x): not a number: \"1d\"", runs.get(1).message());
        assertEquals("loading data: " + base + "/hex.csv:4:1 (x): not a number: \"0x1p3\"", runs.get(2).message());
        assertEquals(SolveStatus.FAILED, runs.get(2).status());
        assertEquals(SolveStatus.OPTIMAL, runs.get(3).status());
        assertEquals(2.0, runs.get(3).objective(), 1e-12, "Barrodale-Roberts' textbook data");
    }

    @Test
    void everyShippedExampleStillValidates() throws IOException {
        List<Path> specs;
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            specs = files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.startsWith(EXAMPLES.resolve("networks")))
                    .filter(p -> !p.startsWith(EXAMPLES.resolve("third-party-plugin"))) // needs its own pivot rule
                    .sorted().toList();
        }
        assertTrue(specs.size() >= 7, "examples found: " + specs);
        ExperimentRunner runner = ShippedPlugins.runner();
        for (Path spec : specs) {
            assertTrue(assertDoesNotThrowSpec(runner, spec) >= 1, spec.toString());
        }
    }

    private static int assertDoesNotThrowSpec(ExperimentRunner runner, Path spec) {
        try {
            return runner.validate(spec);
        } catch (SpecException e) {
            throw new AssertionError(spec + " no longer validates: " + e.getMessage(), e);
        }
    }
}

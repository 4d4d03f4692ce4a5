package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The command line end to end: a real Felix with the distribution's features, in this JVM. */
class MainTest extends ConsoleCapture {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path temp;

    @Test
    void runSolvesStackLossMedianRegressionExactly() throws IOException {
        Path results = temp.resolve("stackloss");

        assertEquals(Main.OK, drlp("run", EXAMPLES.resolve("stackloss/median.json").toString(), "--out", results.toString()), err::toString);

        JsonObject run = JsonParser.parseString(Files.readString(results.resolve("results.json")))
                .getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals("OPTIMAL", run.get("status").getAsString());
        assertEquals(14518.0 / 345, run.get("objective").getAsDouble(), 1e-9);
        assertEquals(-13693.0 / 345, run.getAsJsonObject("parameters").get("intercept").getAsDouble(), 1e-9);
        assertTrue(out.toString().contains("1 run, 0 failed"), out::toString);
    }

    @Test
    void plotsAreWrittenOnFelixAsSvgWithTextAndWithoutWarnings() throws Exception {
        Path results = temp.resolve("plots");

        assertEquals(Main.OK, drlp("run", EXAMPLES.resolve("stackloss/quantiles.json").toString(), "--out",
                results.toString(), "--quiet"), err::toString);

        // a class or resource of the embedded chart libraries missing inside the bundle shows up here
        JsonObject json = JsonParser.parseString(Files.readString(results.resolve("results.json"))).getAsJsonObject();
        assertEquals(0, json.getAsJsonArray("warnings").size(), json.getAsJsonArray("warnings")::toString);
        for (var run : json.getAsJsonArray("runs")) {
            JsonArray warnings = run.getAsJsonObject().getAsJsonArray("warnings");
            assertEquals(0, warnings.size(), warnings::toString);
        }
        List<Path> svgs;
        try (Stream<Path> files = Files.walk(results)) {
            svgs = files.filter(f -> f.toString().endsWith(".svg")).toList();
        }
        assertEquals(10 + 5, svgs.size(), "one per run and one per group of the 5 by 2 sweep: " + svgs);
        for (Path svg : svgs) {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
            assertEquals("svg", document.getDocumentElement().getTagName(), svg::toString);
            assertTrue(document.getElementsByTagName("text").getLength() > 0, svg::toString);
        }
    }

    @Test
    void pluginsListsEveryRoleWithParametersAsJson() {
        assertEquals(Main.OK, drlp("plugins", "--json"), err::toString);

        JsonArray plugins = JsonParser.parseString(out.toString()).getAsJsonArray();
        boolean quantileWithTau = false;
        for (var element : plugins) {
            JsonObject plugin = element.getAsJsonObject();
            if (plugin.get("name").getAsString().equals("quantile")) {
                quantileWithTau = plugin.getAsJsonArray("parameters").get(0).getAsJsonObject().get("name").getAsString().equals("tau");
            }
        }
        assertTrue(quantileWithTau, out::toString);
    }

    @Test
    void invalidSpecFailsWithItsFileLineAndColumnBeforeRunning() throws IOException {
        Path spec = temp.resolve("broken.json");
        Files.writeString(spec, "{\n  \"name\": \"x\",\n  \"loss\": {\"type\": \"quantile\" \"tau\": 0.5}\n}\n");
        Path results = temp.resolve("never");

        assertEquals(Main.ERROR, drlp("run", spec.toString(), "--out", results.toString()));

        assertTrue(err.toString().contains("broken.json:3:"), err::toString);
        assertFalse(Files.exists(results));
    }

    @Test
    void unknownFeatureNamesTheAvailableOnes() {
        assertEquals(Main.ERROR, drlp("plugins", "--features", "core,nonsense"));

        assertTrue(err.toString().contains("unknown feature 'nonsense'; available: all, core, networks, regression, web, workbench"), err::toString);
    }

    @Test
    void missingCommandIsAUsageError() {
        assertEquals(Main.USAGE, drlp());
        assertEquals(Main.USAGE, drlp("run"));
    }

    @Test
    void jobsBelowOneIsAUsageError() {
        assertEquals(Main.USAGE, drlp("run", EXAMPLES.resolve("stackloss/median.json").toString(), "--out",
                temp.resolve("never").toString(), "--jobs", "0"));

        assertTrue(err.toString().contains("--jobs must be at least 1, not 0"), err::toString);
    }

    @Test
    void sweepInParallelPrintsALinePerFinishedRunAndKeepsResultsInSweepOrder() throws IOException {
        Path results = temp.resolve("quantiles");

        assertEquals(Main.OK, drlp("run", EXAMPLES.resolve("stackloss/quantiles.json").toString(), "--out",
                results.toString(), "--jobs", "3"), err::toString);

        // not a terminal here, so plain lines rather than a bar, counted as runs finish
        for (int finished = 1; finished <= 10; finished++) {
            assertTrue(out.toString().contains("[" + finished + "/10] "), out::toString);
        }
        JsonArray runs = JsonParser.parseString(Files.readString(results.resolve("results.json")))
                .getAsJsonObject().getAsJsonArray("runs");
        for (int index = 0; index < runs.size(); index++) {
            assertEquals(index, runs.get(index).getAsJsonObject().get("index").getAsInt());
        }
    }

    @Test
    void quietPrintsOnlyTheEndTable() {
        assertEquals(Main.OK, drlp("run", EXAMPLES.resolve("stackloss/median.json").toString(), "--out",
                temp.resolve("quiet").toString(), "--quiet"), err::toString);

        String[] lines = out.toString().split("\\R");
        assertEquals("stackloss-median: 1 run: 1 OPTIMAL", lines[0]);
        assertTrue(lines[1].matches("  label +status +objective +iterations +seconds"), out::toString);
        assertTrue(lines[2].matches("  000 +OPTIMAL +42\\.0811594202899 +\\d+ +\\d+\\.\\d{3}"), out::toString);
        // then the coefficient table (CoefficientTablesTest), and the last line
        assertEquals("coefficients (inference rank, 95% intervals) of 000:", lines[3], out::toString);
        assertTrue(lines[lines.length - 1].startsWith("stackloss-median: 1 run, 0 failed; results in "), out::toString);
    }
}

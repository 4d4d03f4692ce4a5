package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.SolveStatus;
import org.drlp.report.Figure;
import org.drlp.report.Panel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Objective plots per run and per sweep group, as SVG and PNG; a plot failure leaves the run alone. */
class PlotsTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    @Test
    void everyRunHasAnObjectivePlotInBothFormats() throws Exception {
        Path output = run(Specs.QUANTILES);
        for (int i = 0; i < 10; i++) {
            Path run = output.resolve(String.format("runs/%03d", i));
            assertWellFormedSvg(run.resolve("objective.svg"));
            assertDecodablePng(run.resolve("objective.png"));
        }
        assertEquals(0, Specs.results(output).getAsJsonArray("warnings").size());
    }

    @Test
    void aFiveByTwoSweepHasFiveOverlaysOfTwoSeriesEach() throws Exception {
        Path output = run(Specs.QUANTILES);
        try (Stream<Path> files = Files.list(output.resolve("plots"))) {
            assertEquals(List.of("loss.tau=0.1", "loss.tau=0.25", "loss.tau=0.5", "loss.tau=0.75", "loss.tau=0.9"),
                    files.filter(f -> f.toString().endsWith(".svg"))
                            .map(f -> f.getFileName().toString().replace(".svg", "")).sorted().toList());
        }
        for (String tau : List.of("0.1", "0.25", "0.5", "0.75", "0.9")) {
            assertWellFormedSvg(output.resolve("plots/loss.tau=" + tau + ".svg"));
            assertDecodablePng(output.resolve("plots/loss.tau=" + tau + ".png"));
        }
        for (SweepGroup group : SweepGroups.of(outcomesOf(output))) { // the legend names each run as text
            List<String> texts = svgTexts(output.resolve("plots/" + group.name() + ".svg"));
            for (RunOutcome run : group.runs()) {
                assertTrue(texts.contains(group.seriesName(run)), group.seriesName(run) + " among " + texts);
            }
        }
    }

    @Test
    void groupsAreTheRunsDifferingOnlyInTheLastSweptPath() throws Exception {
        Path output = run(Specs.QUANTILES);
        List<SweepGroup> groups = SweepGroups.of(outcomesOf(output));
        assertEquals(List.of("loss.tau=0.1", "loss.tau=0.25", "loss.tau=0.5", "loss.tau=0.75", "loss.tau=0.9"),
                groups.stream().map(SweepGroup::name).toList());
        for (SweepGroup group : groups) {
            assertEquals(List.of("solver.pivot=dantzig", "solver.pivot=bland"),
                    group.runs().stream().map(group::seriesName).toList());
            Figure overlay = new ObjectivePlots(output).overlay(group);
            assertEquals(List.of("objective by iteration", "objective by time"),
                    overlay.panels().stream().map(Panel::title).toList());
            for (Panel panel : overlay.panels()) assertEquals(2, panel.series().size());
        }
    }

    @Test
    void oneSweptPathMakesOneGroupAndNoSweepNone() {
        List<RunOutcome> runs = List.of(outcome(0, Map.of("solver.pivot", "dantzig"), 0),
                outcome(1, Map.of("solver.pivot", "bland"), 0));
        assertEquals(List.of("all"), SweepGroups.of(runs).stream().map(SweepGroup::name).toList());
        assertEquals(List.of(), SweepGroups.of(List.of(outcome(0, Map.of(), 0))));
    }

    @Test
    void repeatsAreSeriesOfTheirGroupNamedByRepeat() {
        Map<String, String> tau = new LinkedHashMap<>();
        tau.put("loss.tau", "0.5");
        tau.put("solver.pivot", "random");
        List<SweepGroup> groups = SweepGroups.of(List.of(outcome(0, tau, 0), outcome(1, tau, 1)));
        assertEquals(1, groups.size());
        SweepGroup group = groups.get(0);
        assertEquals(List.of("solver.pivot=random repeat=0", "solver.pivot=random repeat=1"),
                group.runs().stream().map(group::seriesName).toList());
    }

    @Test
    void aPlotThatCannotBeWrittenIsAWarningAndTheRunStands() throws Exception {
        Path output = directory.resolve("out");
        RunListener blocker = new RunListener() {
            @Override
            public void runStarted(int index, String label) {
                if (index != 0) return;
                try { // a folder where the plot should go
                    Files.createDirectories(output.resolve("runs/000/objective.png"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        ExperimentSummary summary = plugins.runner().run(Specs.write(directory, "quantiles.json", Specs.QUANTILES),
                output, blocker);
        assertEquals(0, summary.failures());
        assertEquals(SolveStatus.OPTIMAL, summary.runs().get(0).status());
        JsonObject results = Specs.results(output);
        assertEquals(0, results.getAsJsonArray("warnings").size(), "no warning about the experiment as a whole");
        JsonObject run = results.getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonArray warnings = run.getAsJsonArray("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).getAsString().startsWith("runs/000/objective.png not written: "),
                warnings.toString());
        assertTrue(warnings.get(0).getAsString().toLowerCase(java.util.Locale.ROOT).contains("directory"),
                "the reason: " + warnings);
        assertEquals("OPTIMAL", run.get("status").getAsString());
        assertEquals(0, results.getAsJsonArray("runs").get(1).getAsJsonObject().getAsJsonArray("warnings").size());
        assertWellFormedSvg(output.resolve("runs/000/objective.svg"));
    }

    @Test
    void withoutTracesThereAreNoPlots() throws Exception {
        Path output = run(Specs.QUANTILES.replace("\"name\": \"quantiles\",", "\"name\": \"quantiles\", \"trace\": false,"));
        assertTrue(Files.notExists(output.resolve("runs/000/objective.svg")));
        assertTrue(Files.notExists(output.resolve("plots")));
    }

    private Path run(String spec) throws Exception {
        Path output = directory.resolve("out");
        plugins.runner().run(Specs.write(directory, "spec.json", spec), output, RunListener.NONE);
        return output;
    }

    /** The runs of results.json as outcomes: their sweep values, repeat and trace file are what grouping needs. */
    private static List<RunOutcome> outcomesOf(Path output) {
        List<RunOutcome> outcomes = new ArrayList<>();
        for (JsonElement element : Specs.results(output).getAsJsonArray("runs")) {
            JsonObject run = element.getAsJsonObject();
            Map<String, String> sweep = new LinkedHashMap<>();
            run.getAsJsonObject("sweep").entrySet().forEach(e -> sweep.put(e.getKey(), SweepPoint.text(e.getValue())));
            RunOutcome outcome = outcome(run.get("index").getAsInt(), sweep, run.get("repeat").getAsInt());
            outcomes.add(new RunOutcome(outcome.plan(), outcome.result(), List.of(), null,
                    run.get("trace").getAsString()));
        }
        return outcomes;
    }

    /** A finished run with just the swept values and repeat set; no plugins, no trace. */
    private static RunOutcome outcome(int index, Map<String, String> sweep, int repeat) {
        Map<String, JsonElement> values = new LinkedHashMap<>();
        sweep.forEach((path, text) -> values.put(path, new JsonPrimitive(text)));
        SweepPoint point = new SweepPoint(new JsonObject(), values, Map.of());
        RunPlan plan = new RunPlan(index, String.format("%03d", index), point, repeat, null, null, null, null);
        return RunOutcome.failed(plan, "not run", 0);
    }

    private static void assertWellFormedSvg(Path file) throws Exception {
        assertEquals("svg", DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                .getDocumentElement().getTagName(), file.toString());
    }

    private static List<String> svgTexts(Path file) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                .getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) texts.add(nodes.item(i).getTextContent());
        return texts;
    }

    private static void assertDecodablePng(Path file) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image != null && image.getWidth() > 0 && image.getHeight() > 0, file.toString());
    }
}

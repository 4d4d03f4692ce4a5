package org.drlp.compare.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report service on two results folders written by hand (two specs, merged): the files it
 * writes, their numbers against the hand-computed comparison, and its errors.
 *
 * <pre>
 *   pivots (seconds = pivots / 100)      dantzig   bland
 *   problem seed=1 (best 10)             20        40
 *   problem seed=2 (best 5)              10        fail (ITERATION_LIMIT)
 *   problem seed=3 (best 7)              wrong (8) 30
 *   adam (second folder, no pivots)      seed=1: 10.5, COMPLETED (not certified)
 * </pre>
 *
 * Pivot ratios: dantzig 1, 1, inf; bland 2, inf, 1. The means are over seed=1 alone (the only
 * problem both solved): dantzig 20, bland 40.
 */
class ReportComponentTest {

    @TempDir
    Path directory;

    private static String run(int seed, String pivot, String status, double objective, int pivots) {
        return String.format(Locale.ROOT, "{\"index\":0,\"label\":\"x\",\"config\":{\"data\":{\"source\":\"synthetic\","
                + "\"seed\":%d},\"model\":{\"type\":\"linear\"},\"solver\":{\"method\":\"vertex-walk\"}},"
                + "\"sweep\":{\"data.seed\":%d,\"solver.pivot\":\"%s\"},\"repeat\":0,\"status\":\"%s\","
                + "\"objective\":%s,\"iterations\":%d,\"seconds\":%s}", seed, seed, pivot, status, objective, pivots,
                pivots / 100.0);
    }

    private Path folder(String name, String spec, List<String> runs) throws IOException {
        Path folder = directory.resolve(name);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("results.json"), "{\"name\": \"" + name + "\", \"specCopy\": \"spec.json\","
                + " \"started\": \"2026-12-01T00:00:00Z\", \"runs\": [\n" + String.join(",\n", runs) + "]}\n");
        Files.writeString(folder.resolve("spec.json"), spec);
        return folder;
    }

    private List<Path> twoFolders() throws IOException {
        Path walks = folder("walks", "{\"name\": \"walks\", \"sweep\": {\"solver.pivot\": [\"dantzig\", \"bland\"]}}",
                List.of(run(1, "dantzig", "OPTIMAL", 10, 20), run(1, "bland", "OPTIMAL", 10, 40),
                        run(2, "dantzig", "OPTIMAL", 5, 10), run(2, "bland", "ITERATION_LIMIT", 6, 1000),
                        run(3, "dantzig", "OPTIMAL", 8, 5), run(3, "bland", "OPTIMAL", 7, 30)));
        Path adam = folder("adam", "{\"name\": \"adam <b>\"}", List.of("{\"config\":{\"data\":{\"source\":\"synthetic\","
                + "\"seed\":1},\"model\":{\"type\":\"linear\"},\"solver\":{\"method\":\"adam\"}},\"sweep\":{},"
                + "\"status\":\"COMPLETED\",\"objective\":10.5,\"iterations\":1000,\"seconds\":2.0}"));
        return List.of(walks, adam);
    }

    @Test
    void writesProfilesTableCellsAndReport() throws Exception {
        Path out = directory.resolve("report");
        List<Path> written = new ReportComponent().write(twoFolders(), out, List.of("pivots", "seconds"));

        assertEquals(List.of("profile-pivots.csv", "profile-pivots.svg", "profile-pivots.png", "profile-seconds.csv",
                "profile-seconds.svg", "profile-seconds.png", "table.csv", "cells.csv", "report.html"),
                written.stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : written) assertTrue(Files.size(file) > 0, file.toString());

        List<String> pivots = Files.readAllLines(out.resolve("profile-pivots.csv"));
        assertEquals(List.of("tau,solver.pivot=dantzig,solver.pivot=bland", // adam has no pivots
                "1,0.666667,0.333333", "2,0.666667,0.666667"), pivots);
        List<String> seconds = Files.readAllLines(out.resolve("profile-seconds.csv"));
        assertEquals("tau,solver.pivot=dantzig,solver.pivot=bland,adam", seconds.get(0), "adam by its experiment");

        List<String> table = Files.readAllLines(out.resolve("table.csv"));
        assertEquals("configuration,problems,solved,unsolved,runs,wrong_answers,failed_runs,pivots_sgm,pivots_sgm_min,"
                + "pivots_sgm_max,pivots_sgm_problems,pivots_shift,seconds_sgm,seconds_sgm_min,seconds_sgm_max,"
                + "seconds_sgm_problems,seconds_shift", table.get(0));
        assertEquals("solver.pivot=dantzig,3,2,1,3,1,0,20,20,20,1,10,0.2,0.2,0.2,1,1", table.get(1));
        assertEquals("solver.pivot=bland,3,2,1,3,0,1,40,40,40,1,10,0.4,0.4,0.4,1,1", table.get(2));
        assertEquals("adam,3,0,3,1,0,1,n/a,n/a,n/a,,10,,,,0,1", table.get(3));

        List<String> cells = Files.readAllLines(out.resolve("cells.csv"));
        assertTrue(cells.contains("data.seed=3,solver.pivot=dantzig,7,1,0,1,0,inf,inf,inf,inf,inf,inf"), cells.toString());

        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<img src=\"profile-pivots.svg\""), "the plots by relative link");
        assertTrue(html.contains("{&quot;name&quot;: &quot;adam &lt;b&gt;&quot;}"), "each spec, escaped");
        assertTrue(html.contains("<td>solver.pivot=dantzig</td><td>3</td><td>2</td>"), "the table");
        assertTrue(!html.contains("http://") && !html.contains("https://"), "no external resources");
        // polyglot markup: an XML parser reads it once the HTML doctype is dropped
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                html.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFolderWithoutResultsIsAnErrorNamingIt() throws Exception {
        Path empty = Files.createDirectories(directory.resolve("empty"));
        IOException e = assertThrows(IOException.class,
                () -> new ReportComponent().write(List.of(twoFolders().get(0), empty), directory.resolve("r"), List.of("pivots")));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("no results.json"), e.getMessage());
        assertTrue(Files.notExists(directory.resolve("r")), "nothing written");
    }

    @Test
    void anUnknownMeasureListsTheKnownOnes() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReportComponent().write(twoFolders(), directory.resolve("r"), List.of("time")));
        assertEquals("unknown measure \"time\"; known: seconds, pivots", e.getMessage());
    }

    @Test
    void theSvgProfileHasALinePerConfiguration() throws Exception {
        Path out = directory.resolve("report");
        new ReportComponent().write(twoFolders(), out, List.of("seconds"));
        var texts = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("profile-seconds.svg")
                .toFile()).getElementsByTagName("text");
        List<String> legend = new java.util.ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) legend.add(texts.item(i).getTextContent());
        assertTrue(legend.containsAll(List.of("solver.pivot=dantzig", "solver.pivot=bland", "adam")), legend.toString());
        assertTrue(legend.contains("walks, adam: performance profile of seconds"), legend.toString());
    }
}

package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} and the report at the end of {@code run}, on a real Felix. */
class ReportCommandTest extends ConsoleCapture {

    @TempDir
    Path temp;

    /** Three problems (data seeds) by two pivot rules: a sweep that compares something. */
    private Path sweep() throws IOException {
        Path spec = temp.resolve("rules.json");
        Files.writeString(spec, "{\"name\": \"rules\", \"data\": {\"source\": \"synthetic\", \"n\": 60, \"p\": 2},"
                + " \"model\": {\"type\": \"linear\"}, \"loss\": {\"type\": \"absolute\"}, \"trace\": false,"
                + " \"sweep\": {\"data.seed\": [1, 2, 3], \"solver.pivot\": [\"dantzig\", \"bland\"]}}");
        return spec;
    }

    @Test
    void aSweepOfRulesOverProblemsEndsWithItsReportAndReportRebuildsIt() throws IOException {
        Path results = temp.resolve("out");
        assertEquals(Main.OK, drlp("run", sweep().toString(), "--out", results.toString(), "--quiet"), err::toString);

        Path report = results.resolve("report");
        for (String file : List.of("profile-seconds.svg", "profile-seconds.png", "profile-seconds.csv",
                "profile-pivots.svg", "profile-pivots.png", "profile-pivots.csv", "table.csv", "cells.csv", "report.html")) {
            assertTrue(Files.size(report.resolve(file)) > 0, file);
        }
        JsonObject json = JsonParser.parseString(Files.readString(results.resolve("results.json"))).getAsJsonObject();
        assertEquals(0, json.getAsJsonArray("warnings").size(), json.getAsJsonArray("warnings")::toString);
        // least absolute deviations is convex: both rules reach each problem's optimum, and solve all three
        List<String> table = Files.readAllLines(report.resolve("table.csv"));
        assertEquals(3, table.size(), table::toString);
        for (String row : table.subList(1, 3)) assertTrue(row.matches("solver\\.pivot=\\w+,3,3,0,3,0,0,.*"), row);
        // the best objective per problem is the least the runs reached
        List<String> cells = Files.readAllLines(report.resolve("cells.csv"));
        for (JsonElement run : json.getAsJsonArray("runs")) {
            JsonObject r = run.getAsJsonObject();
            String problem = "data.seed=" + r.getAsJsonObject("sweep").get("data.seed").getAsString();
            double best = cells.stream().filter(c -> c.startsWith(problem + ",")).mapToDouble(c -> Double.parseDouble(
                    c.split(",")[2])).min().orElseThrow();
            assertEquals(best, r.get("objective").getAsDouble(), 1e-6 * best, problem);
        }

        Path again = temp.resolve("again");
        assertEquals(Main.OK, drlp("report", results.toString(), "--out", again.toString(), "--measure", "pivots"),
                err::toString);
        assertEquals(Files.readAllLines(report.resolve("profile-pivots.csv")),
                Files.readAllLines(again.resolve("profile-pivots.csv")), "the same runs, the same profile");
        assertTrue(out.toString().contains("report of 1 folder in " + again + ": profile-pivots.csv"), out::toString);
        assertTrue(Files.notExists(again.resolve("profile-seconds.csv")), "only the measure asked for");
    }

    @Test
    void aFolderWithoutResultsIsNamed() throws IOException {
        Path notResults = Files.createDirectories(temp.resolve("empty"));
        assertEquals(Main.ERROR, drlp("report", notResults.toString(), "--out", temp.resolve("r").toString()));
        assertEquals("drlp: cannot write the report: " + notResults + ": not a results folder: it has no results.json "
                + "(drlp run writes one)", err.toString().strip());
    }

    @Test
    void anUnknownMeasureIsNamedWithTheKnownOnes() throws IOException {
        Path notResults = Files.createDirectories(temp.resolve("empty"));
        assertEquals(Main.ERROR, drlp("report", notResults.toString(), "--out", temp.resolve("r").toString(),
                "--measure", "time"));
        assertEquals("drlp: unknown measure \"time\"; known: seconds, pivots", err.toString().strip());
    }
}

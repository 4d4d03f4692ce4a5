package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep run in shards and merged leaves the folder a whole run leaves: plots and report included. */
class MergeCompletesTheFolderTest extends ConsoleCapture {

    @TempDir
    Path temp;

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void mergedShardsHaveTheOverlaysAndTheReportOfTheWholeSweep() throws IOException {
        Path spec = temp.resolve("rules.json");
        // three problems by two pivot rules: overlays per problem, and a report that compares the rules
        Files.writeString(spec, "{\"name\": \"rules\", \"data\": {\"source\": \"synthetic\", \"n\": 60, \"p\": 2},"
                + " \"model\": {\"type\": \"linear\"}, \"loss\": {\"type\": \"absolute\"},"
                + " \"sweep\": {\"data.seed\": [1, 2, 3], \"solver.pivot\": [\"dantzig\", \"bland\"]}}");
        Path whole = temp.resolve("whole");
        assertEquals(Main.OK, drlp("run", spec.toString(), "--out", whole.toString(), "--quiet"), err::toString);
        Path sweep = temp.resolve("sweep");
        for (int shard = 0; shard < 2; shard++) {
            assertEquals(Main.OK, drlp("run", spec.toString(), "--out", sweep.resolve("shards/00" + shard).toString(),
                    "--shard", shard + "/2", "--quiet"), err::toString);
        }
        assertEquals(Main.OK, drlp("merge", sweep.toString()), err::toString);

        List<String> plots = files(whole.resolve("plots"));
        assertEquals(6, plots.size(), plots::toString); // an SVG and a PNG per problem
        assertEquals(plots, files(sweep.resolve("plots")));
        for (String plot : plots) assertTrue(Files.size(sweep.resolve("plots").resolve(plot)) > 0, plot);
        assertEquals(files(whole.resolve("report")), files(sweep.resolve("report")));
        assertEquals(Files.readAllLines(whole.resolve("report/profile-pivots.csv")),
                Files.readAllLines(sweep.resolve("report/profile-pivots.csv")), "the same runs, the same profile");
        assertEquals(Files.readAllLines(whole.resolve("report/table.csv")).get(0),
                Files.readAllLines(sweep.resolve("report/table.csv")).get(0));
        JsonObject merged = JsonParser.parseString(Files.readString(sweep.resolve("results.json"))).getAsJsonObject();
        assertEquals(0, merged.getAsJsonArray("warnings").size(), merged.getAsJsonArray("warnings")::toString);
        assertEquals(6, merged.getAsJsonArray("runs").size());
        for (int i = 0; i < 6; i++) {
            assertTrue(Files.size(sweep.resolve(String.format("runs/%03d/objective.svg", i))) > 0, "run " + i);
        }
    }
}

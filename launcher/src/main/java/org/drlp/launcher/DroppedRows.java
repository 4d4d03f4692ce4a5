package org.drlp.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The line printed after the sweep table when data sources dropped rows for missing values
 * ({@code "missing": "drop"}), from each run's {@code data.droppedRows} in results.json:
 * {@code data: 3 of 50 rows dropped for a missing value (runs 0-4)}.
 */
final class DroppedRows {

    private DroppedRows() {
    }

    static void print(Path outputFolder, PrintWriter out) {
        // "dropped of total" to the runs that saw it
        Map<String, List<Integer>> counts = new TreeMap<>();
        try (Reader reader = Files.newBufferedReader(outputFolder.resolve("results.json"), StandardCharsets.UTF_8)) {
            JsonObject root = JsonParser.parseReader(reader).getAsJsonObject();
            for (JsonElement element : root.getAsJsonArray("runs")) {
                JsonObject run = element.getAsJsonObject();
                JsonElement data = run.get("data");
                if (data == null || !data.isJsonObject() || !data.getAsJsonObject().has("droppedRows")) continue;
                int dropped = data.getAsJsonObject().get("droppedRows").getAsInt();
                if (dropped == 0) continue;
                int rows = data.getAsJsonObject().get("rows").getAsInt();
                counts.computeIfAbsent(dropped + " of " + (rows + dropped), k -> new ArrayList<>())
                        .add(run.get("index").getAsInt());
            }
        } catch (IOException | RuntimeException e) {
            return; // the summary was printed; a results file that cannot be read says nothing more here
        }
        counts.forEach((rows, runs) -> out.printf(Locale.ROOT, "data: %s rows dropped for a missing value (%s %s)%n",
                rows, runs.size() == 1 ? "run" : "runs", Indices.ranges(runs)));
    }
}

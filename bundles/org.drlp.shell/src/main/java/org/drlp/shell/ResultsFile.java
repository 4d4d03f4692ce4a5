package org.drlp.shell;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.SolveStatus;

/** Reads the summary of an experiment back from the results.json in its output folder. */
final class ResultsFile {

    static final String NAME = "results.json";

    private ResultsFile() {
    }

    static ExperimentSummary read(Path folder) throws IOException {
        Path file = folder.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + NAME + " in " + folder);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonObject results = JsonParser.parseReader(reader).getAsJsonObject();
            List<ExperimentSummary.Run> runs = new ArrayList<>();
            for (JsonElement element : results.getAsJsonArray("runs")) {
                JsonObject run = element.getAsJsonObject();
                runs.add(new ExperimentSummary.Run(run.get("label").getAsString(),
                        SolveStatus.valueOf(run.get("status").getAsString()), number(run, "objective"),
                        (long) number(run, "iterations"), number(run, "seconds"), text(run, "message")));
            }
            return new ExperimentSummary(results.get("name").getAsString(), folder, runs);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException e) {
            throw new IOException(file + " is not a results file of the workbench: " + e.getMessage(), e);
        }
    }

    /** A failed run may have no objective (null): NaN then. */
    private static double number(JsonObject run, String key) {
        JsonElement value = run.get(key);
        return value == null || value.isJsonNull() ? Double.NaN : value.getAsDouble();
    }

    private static String text(JsonObject run, String key) {
        JsonElement value = run.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}

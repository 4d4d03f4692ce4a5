package org.drlp.experiment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.SolveStatus;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The results an experiment left in a folder, read back for resume and merge: results.json's
 * header (name, spec hash, how many runs the sweep has), its runs by index, and summary.csv's
 * header and rows by index.
 *
 * @param runs        each run's record in results.json, by index
 * @param csvHeader   summary.csv's header, empty when the file is missing
 * @param csvRows     summary.csv's rows by index (cells as text)
 */
record RecordedResults(Path folder, String name, Path spec, String specHash, int sweepRuns, List<String> sweptPaths,
                       Map<Integer, JsonObject> runs, List<String> csvHeader, Map<Integer, List<String>> csvRows) {

    /** The results in {@code folder}, or null when it has no results.json. */
    static RecordedResults readIfPresent(Path folder) throws IOException {
        Path file = folder.resolve(ResultsWriter.FILE_NAME);
        JsonObject root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(file + " is not a results file: " + e.getMessage(), e);
        }
        JsonElement hash = root.get(ResultsWriter.SPEC_HASH);
        if (hash == null || !hash.isJsonPrimitive()) {
            throw new IOException(file + " records no spec hash (written before drlp recorded one); run the spec again");
        }
        Map<Integer, JsonObject> runs = new TreeMap<>();
        if (root.has("runs") && root.get("runs").isJsonArray()) {
            for (JsonElement run : root.getAsJsonArray("runs")) {
                JsonObject record = run.getAsJsonObject();
                runs.put(record.get("index").getAsInt(), record);
            }
        }
        List<String> swept = new ArrayList<>();
        if (root.has(ResultsWriter.SWEPT_PATHS)) {
            root.getAsJsonArray(ResultsWriter.SWEPT_PATHS).forEach(path -> swept.add(path.getAsString()));
        }
        List<String> csvHeader = new ArrayList<>();
        Map<Integer, List<String>> csvRows = new TreeMap<>();
        readCsv(folder.resolve(SummaryCsvWriter.FILE_NAME), csvHeader, csvRows);
        return new RecordedResults(folder, root.get("name").getAsString(), Path.of(root.get("spec").getAsString()),
                hash.getAsString(),
                root.get(ResultsWriter.SWEEP_RUNS).getAsInt(), swept, Collections.unmodifiableMap(runs),
                List.copyOf(csvHeader), Collections.unmodifiableMap(csvRows));
    }

    private static void readCsv(Path file, List<String> header, Map<Integer, List<String>> rows) throws IOException {
        if (!Files.exists(file)) return;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180)) {
            boolean first = true;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (first) {
                    header.addAll(cells);
                    first = false;
                } else {
                    rows.put(Integer.parseInt(cells.get(0)), cells);
                }
            }
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        } catch (RuntimeException e) { // a malformed row: the file is not one drlp wrote
            throw new IOException(file + " is not a summary file: " + e.getMessage(), e);
        }
    }

    /** The runs that finished (any status but INTERRUPTED): a resume keeps them, a merge takes them. */
    Map<Integer, JsonObject> finishedRuns() {
        Map<Integer, JsonObject> finished = new LinkedHashMap<>();
        runs.forEach((index, run) -> {
            if (!SolveStatus.INTERRUPTED.name().equals(run.get("status").getAsString())) finished.put(index, run);
        });
        return finished;
    }

    /** Hands the coefficient table of run {@code index}, when it has one, to {@code writer}. */
    void keepCoefficients(int index, CoefficientsCsvWriter writer) {
        JsonObject run = runs.get(index);
        if (run == null) return;
        ExperimentSummary.Run summary = summaryRun(run);
        writer.keep(index, summary.label(), run.has("problem") ? run.get("problem").getAsString() : name, summary.sweep(),
                summary.repeat(), summary.coefficients());
    }

    /** A recorded run as the summary reports it. */
    static ExperimentSummary.Run summaryRun(JsonObject run) {
        Map<String, String> sweep = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : run.getAsJsonObject("sweep").entrySet()) {
            sweep.put(entry.getKey(), SweepPoint.text(entry.getValue()));
        }
        JsonElement message = run.get("message");
        return new ExperimentSummary.Run(run.get("label").getAsString(),
                SolveStatus.valueOf(run.get("status").getAsString()), number(run.get("objective")),
                run.get("iterations").getAsLong(), number(run.get("seconds")),
                message == null || message.isJsonNull() ? null : message.getAsString(),
                run.get("index").getAsInt(), sweep, run.get("repeat").getAsInt(), run.get("regionChanges").getAsLong(),
                CoefficientJson.fromRun(run));
    }

    private static double number(JsonElement value) {
        return value == null || value.isJsonNull() ? Double.NaN : value.getAsDouble();
    }
}

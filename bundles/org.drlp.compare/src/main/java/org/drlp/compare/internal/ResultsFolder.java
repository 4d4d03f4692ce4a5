package org.drlp.compare.internal;

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

/**
 * A results folder as {@code drlp run} wrote it: the experiment's name, its spec snapshot, and its
 * runs as {@link FolderRun}s.
 *
 * @param spec  the text of the spec snapshot (spec.json), or null when the folder has none
 */
record ResultsFolder(Path folder, String name, String started, String spec, List<FolderRun> runs) {

    static final String RESULTS = "results.json";

    /** @throws IOException naming the folder when it has no results.json, or the file when it does not parse */
    static ResultsFolder read(Path folder) throws IOException {
        Path file = folder.resolve(RESULTS);
        if (!Files.isDirectory(folder)) throw new IOException(folder + ": no such folder");
        if (!Files.isRegularFile(file)) {
            throw new IOException(folder + ": not a results folder: it has no " + RESULTS + " (drlp run writes one)");
        }
        JsonObject root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(in).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(file + ": not a results file: " + e.getMessage(), e);
        }
        String name = string(root, "name", folder.getFileName() == null ? folder.toString() : folder.getFileName().toString());
        List<FolderRun> runs = new ArrayList<>();
        JsonElement array = root.get("runs");
        if (array != null && array.isJsonArray()) {
            for (JsonElement run : array.getAsJsonArray()) {
                if (run.isJsonObject()) runs.add(FolderRun.of(name, run.getAsJsonObject()));
            }
        }
        String specCopy = string(root, "specCopy", null);
        String spec = null;
        if (specCopy != null && Files.isRegularFile(folder.resolve(specCopy))) {
            spec = Files.readString(folder.resolve(specCopy), StandardCharsets.UTF_8);
        }
        return new ResultsFolder(folder, name, string(root, "started", ""), spec, runs);
    }

    static String string(JsonObject object, String key, String otherwise) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : otherwise;
    }
}

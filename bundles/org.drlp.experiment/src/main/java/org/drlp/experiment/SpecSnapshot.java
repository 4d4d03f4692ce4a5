package org.drlp.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.ParameterType;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * spec.json in the output folder: the spec as given, so that the experiment can be run again from
 * its results. File paths in a spec are relative to the spec's own folder, which the copy is not
 * in, so every relative PATH parameter (in its section or in the sweep) is made absolute; and the
 * experiment's name is written out, as it may have come from the original file name.
 */
final class SpecSnapshot {

    static final String FILE_NAME = "spec.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private SpecSnapshot() {
    }

    /** @param baseDirectory  the original spec's folder, against which its relative paths resolve */
    static void write(JsonObject spec, String name, List<RunPlan> runs, Path baseDirectory, Path outputDirectory)
            throws IOException {
        JsonObject copy = spec.deepCopy();
        if (!copy.has("name")) copy.addProperty("name", name);
        for (RunPlan run : runs) {
            for (ResolvedPlugin<?> plugin : run.plugins()) absolutize(copy, plugin.section(), plugin, baseDirectory);
        }
        AtomicFile.write(outputDirectory.resolve(FILE_NAME), GSON.toJson(copy) + "\n");
    }

    /** @param section  where the plugin's parameters sit, for example {@code solver.pivot} */
    private static void absolutize(JsonObject spec, String section, ResolvedPlugin<?> plugin, Path base) {
        for (ParameterSpec parameter : plugin.plugin().parameters()) {
            if (parameter.type() != ParameterType.PATH) continue;
            String key = parameter.name();
            JsonObject owner = object(spec, section);
            if (owner != null && owner.has(key)) owner.add(key, absolute(owner.get(key), base));
            for (JsonObject sweep : new JsonObject[] {object(spec, "sweep"), object(spec, "sweep." + ExperimentSpec.ZIP)}) {
                JsonElement axis = sweep == null ? null : sweep.get(section + "." + key);
                if (axis != null && axis.isJsonArray()) {
                    JsonArray values = axis.getAsJsonArray();
                    for (int i = 0; i < values.size(); i++) values.set(i, absolute(values.get(i), base));
                }
            }
        }
    }

    /** The object at a dotted path, or null when something on the way is missing or not an object. */
    private static JsonObject object(JsonObject root, String dottedPath) {
        JsonElement current = root;
        for (String key : dottedPath.split("\\.")) {
            if (!current.isJsonObject()) return null;
            current = current.getAsJsonObject().get(key);
            if (current == null) return null;
        }
        return current.isJsonObject() ? current.getAsJsonObject() : null;
    }

    /** A string resolved as {@link org.drlp.api.Parameters#path} resolves it; anything else unchanged. */
    private static JsonElement absolute(JsonElement value, Path base) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) return value;
        return new JsonPrimitive(base.resolve(value.getAsString()).normalize().toString());
    }
}

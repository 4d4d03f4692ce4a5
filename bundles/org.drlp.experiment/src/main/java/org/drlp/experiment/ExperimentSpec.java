package org.drlp.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The top level of a spec, checked for shape: which keys are allowed, their JSON types, and the
 * form of the sweep. What the plugin sections mean is left to {@link RunConfigResolver}.
 *
 * @param sections  the plugin sections data, model, loss and solver (solver may be absent, and so may
 *                  data and loss for a model that uses neither)
 * @param sweep     swept dotted path to its values, in spec order; a file axis ({@link SweepFiles})
 *                  already expanded to the matching paths
 */
record ExperimentSpec(String name, int repeats, boolean trace, JsonObject sections,
                      Map<String, JsonArray> sweep) {

    static final List<String> TOP_LEVEL_KEYS =
            List.of("name", "description", "data", "model", "loss", "solver", "sweep", "repeats", "trace");
    static final List<String> SECTIONS = List.of("data", "model", "loss", "solver");

    /** Reads the top level; problems go to {@code problems} and the result then holds what was usable. */
    static ExperimentSpec parse(SpecDocument document, SpecProblems problems) {
        JsonObject root = document.root();
        for (String key : root.keySet()) {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                problems.add(key, "unknown key \"" + key + "\"; allowed: " + String.join(", ", TOP_LEVEL_KEYS));
            }
        }
        String name = defaultName(document);
        if (root.has("name")) {
            if (isString(root.get("name"))) name = root.get("name").getAsString();
            else problems.add("name", "\"name\" must be a string");
        }
        if (root.has("description") && !isString(root.get("description"))) {
            problems.add("description", "\"description\" must be a string");
        }
        int repeats = 1;
        if (root.has("repeats")) {
            Long value = integer(root.get("repeats"));
            if (value == null || value < 1 || value > Integer.MAX_VALUE) {
                problems.add("repeats", "\"repeats\" must be an integer >= 1");
            } else {
                repeats = value.intValue();
            }
        }
        boolean trace = true;
        if (root.has("trace")) {
            JsonElement value = root.get("trace");
            if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()) trace = value.getAsBoolean();
            else problems.add("trace", "\"trace\" must be true or false");
        }
        JsonObject sections = new JsonObject();
        for (String section : SECTIONS) {
            JsonElement value = root.get(section);
            if (value == null || value.isJsonNull()) {
                // solver has defaults; data and loss may be left out for a model that uses neither,
                // which only the resolver knows (it reports them missing otherwise)
                if (section.equals("model")) problems.add(section, "missing section \"" + section + "\"");
            } else if (!value.isJsonObject()) {
                problems.add(section, "\"" + section + "\" must be an object {...}");
            } else {
                sections.add(section, value.deepCopy());
            }
        }
        Path baseDirectory = document.file().toAbsolutePath().getParent();
        return new ExperimentSpec(name, repeats, trace, sections, sweep(root.get("sweep"), baseDirectory, problems));
    }

    /** @param baseDirectory  the spec's folder, against which a file axis's pattern resolves */
    private static Map<String, JsonArray> sweep(JsonElement sweep, Path baseDirectory, SpecProblems problems) {
        Map<String, JsonArray> axes = new LinkedHashMap<>();
        if (sweep == null || sweep.isJsonNull()) return axes;
        if (!sweep.isJsonObject()) {
            problems.add("sweep", "\"sweep\" must be an object mapping a path such as \"loss.tau\" "
                    + "to a list of values or to a file pattern {\"files\": \"data/*.csv\"}");
            return axes;
        }
        for (Map.Entry<String, JsonElement> axis : sweep.getAsJsonObject().entrySet()) {
            String path = axis.getKey();
            String where = "sweep." + path;
            String pathProblem = SweepPath.problem(path);
            if (pathProblem != null) {
                problems.add(where, pathProblem);
            } else if (axis.getValue().isJsonObject()) {
                JsonArray files = SweepFiles.expand(axis.getValue().getAsJsonObject(), baseDirectory, where, problems);
                if (files != null) axes.put(path, files);
            } else if (!axis.getValue().isJsonArray() || axis.getValue().getAsJsonArray().isEmpty()) {
                problems.add(where, "a swept path needs a non-empty list of values [...] "
                        + "or a file pattern {\"files\": \"data/*.csv\"}");
            } else {
                axes.put(path, axis.getValue().getAsJsonArray());
            }
        }
        return axes;
    }

    /**
     * The spec's JSON with each file axis replaced by the paths it matched, so that a copy of the
     * spec names the files that ran even where the folder's contents have changed since.
     */
    JsonObject withFilesExpanded(JsonObject root) {
        JsonObject copy = root.deepCopy();
        JsonElement sweep = copy.get("sweep");
        if (sweep == null || !sweep.isJsonObject()) return copy;
        for (Map.Entry<String, JsonElement> axis : sweep.getAsJsonObject().entrySet()) {
            if (axis.getValue().isJsonObject() && this.sweep.containsKey(axis.getKey())) {
                axis.setValue(this.sweep.get(axis.getKey()).deepCopy());
            }
        }
        return copy;
    }

    private static String defaultName(SpecDocument document) {
        String file = document.file().getFileName() == null ? "experiment" : document.file().getFileName().toString();
        return file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
    }

    private static boolean isString(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    /** The value as a long when it is an integral JSON number, else null. */
    private static Long integer(JsonElement value) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) return null;
        try {
            return value.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}

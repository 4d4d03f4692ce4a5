package org.drlp.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The top level of a spec, checked for shape: which keys are allowed, their JSON types, and the
 * form of the sweep. What the plugin sections mean is left to {@link RunConfigResolver}.
 *
 * @param overlay   what the sweep groups' overlay plots show: the gap to the best objective (the
 *                  default) or the objective itself
 * @param warmStart whether runs of a sweep that differ only in {@code loss.tau} start each from the end
 *                  point of the one before ({@link TauChains}); the default, false, keeps every run
 *                  independent of which runs execute beside it (a shard, a resume)
 * @param sections  the plugin sections data, model, loss and solver (solver may be absent, and so may
 *                  data and loss for a model that uses neither)
 * @param sweep     the sweep's axes in spec order, each a swept path with its values or zipped paths
 *                  ({@value #ZIP}); file axes ({@link SweepFiles}) and ranges ({@link SweepRange})
 *                  already expanded to their values
 */
record ExperimentSpec(String name, int repeats, boolean trace, ObjectiveFigures.OverlayValue overlay,
                      boolean warmStart, JsonObject sections, List<SweepAxis> sweep) {

    /** The sweep key whose object maps paths to equally long lists that advance together. */
    static final String ZIP = "zip";

    /** Every swept path, in spec order (zipped ones where the zip is). */
    List<String> sweptPaths() {
        List<String> paths = new ArrayList<>();
        sweep.forEach(axis -> paths.addAll(axis.paths()));
        return paths;
    }

    static final List<String> TOP_LEVEL_KEYS =
            List.of("name", "description", "data", "model", "loss", "solver", "sweep", "repeats", "trace", "overlay",
                    "warmStart");
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
        ObjectiveFigures.OverlayValue overlay = ObjectiveFigures.OverlayValue.GAP;
        if (root.has("overlay")) {
            JsonElement value = root.get("overlay");
            String text = isString(value) ? value.getAsString() : "";
            if (text.equals("gap")) overlay = ObjectiveFigures.OverlayValue.GAP;
            else if (text.equals("objective")) overlay = ObjectiveFigures.OverlayValue.OBJECTIVE;
            else problems.add("overlay", "\"overlay\" must be \"gap\" (f - f_best on a log axis) or \"objective\"");
        }
        boolean warmStart = false;
        if (root.has("warmStart")) {
            JsonElement value = root.get("warmStart");
            if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()) warmStart = value.getAsBoolean();
            else problems.add("warmStart", "\"warmStart\" must be true or false");
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
        return new ExperimentSpec(name, repeats, trace, overlay, warmStart, sections,
                sweep(root.get("sweep"), baseDirectory, problems));
    }

    private static final String AXIS_FORMS = "a non-empty list of values [...], a range "
            + "{\"from\": 0.05, \"to\": 0.95, \"step\": 0.05} or a file pattern {\"files\": \"data/*.csv\"}";

    /** @param baseDirectory  the spec's folder, against which a file axis's pattern resolves */
    private static List<SweepAxis> sweep(JsonElement sweep, Path baseDirectory, SpecProblems problems) {
        List<SweepAxis> axes = new ArrayList<>();
        if (sweep == null || sweep.isJsonNull()) return axes;
        if (!sweep.isJsonObject()) {
            problems.add("sweep", "\"sweep\" must be an object mapping a path such as \"loss.tau\" to "
                    + AXIS_FORMS + ", or \"" + ZIP + "\" to an object of such paths whose lists advance together");
            return axes;
        }
        Set<String> swept = new HashSet<>();
        for (Map.Entry<String, JsonElement> axis : sweep.getAsJsonObject().entrySet()) {
            String path = axis.getKey();
            if (path.equals(ZIP)) {
                SweepAxis zipped = zip(axis.getValue(), baseDirectory, problems);
                if (zipped != null) axes.add(zipped);
            } else {
                JsonArray values = values(path, "sweep." + path, axis.getValue(), baseDirectory, problems);
                if (values != null) axes.add(SweepAxis.single(path, values, "sweep." + path));
            }
        }
        for (SweepAxis axis : axes) {
            for (int i = 0; i < axis.paths().size(); i++) {
                if (!swept.add(axis.paths().get(i))) {
                    problems.add(axis.sources().get(i), "\"" + axis.paths().get(i) + "\" is swept twice (alone and "
                            + "zipped); sweep each path once");
                }
            }
        }
        return axes;
    }

    /** {@code "zip": {"loss.tau": [...], "data.rows": [...]}}: one axis, one run per position. */
    private static SweepAxis zip(JsonElement zip, Path baseDirectory, SpecProblems problems) {
        String where = "sweep." + ZIP;
        if (!zip.isJsonObject() || zip.getAsJsonObject().size() == 0) {
            problems.add(where, "\"" + ZIP + "\" must be an object mapping two or more paths to equally long lists, "
                    + "such as {\"loss.tau\": [0.1, 0.5], \"data.rows\": [20, 40]}: one run per position");
            return null;
        }
        List<String> paths = new ArrayList<>();
        List<JsonArray> lists = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        boolean valid = true;
        for (Map.Entry<String, JsonElement> axis : zip.getAsJsonObject().entrySet()) {
            String source = where + "." + axis.getKey();
            JsonArray values = values(axis.getKey(), source, axis.getValue(), baseDirectory, problems);
            if (values == null) {
                valid = false;
                continue;
            }
            paths.add(axis.getKey());
            lists.add(values);
            sources.add(source);
        }
        if (!valid) return null;
        for (int i = 1; i < lists.size(); i++) {
            if (lists.get(i).size() != lists.get(0).size()) {
                StringBuilder lengths = new StringBuilder();
                for (int k = 0; k < lists.size(); k++) {
                    lengths.append(k == 0 ? "" : ", ").append(paths.get(k)).append(" has ").append(lists.get(k).size());
                }
                problems.add(where, "zipped lists must be equally long (one run per position): " + lengths);
                return null;
            }
        }
        return new SweepAxis(paths, lists, sources);
    }

    /** One swept path's values: a list as written, a range or a file pattern expanded; null after reporting. */
    private static JsonArray values(String path, String where, JsonElement axis, Path baseDirectory,
                                    SpecProblems problems) {
        String pathProblem = SweepPath.problem(path);
        if (pathProblem != null) {
            problems.add(where, pathProblem);
            return null;
        }
        if (axis.isJsonObject()) {
            JsonObject object = axis.getAsJsonObject();
            return SweepRange.isRange(object) ? SweepRange.expand(object, where, problems)
                    : SweepFiles.expand(object, baseDirectory, where, problems);
        } else if (axis.isJsonArray() && !axis.getAsJsonArray().isEmpty()) {
            return axis.getAsJsonArray();
        }
        problems.add(where, "a swept path needs " + AXIS_FORMS);
        return null;
    }

    /**
     * The spec's JSON with each file axis replaced by the paths it matched, so that a copy of the
     * spec names the files that ran even where the folder's contents have changed since.
     */
    JsonObject withFilesExpanded(JsonObject root) {
        JsonObject copy = root.deepCopy();
        JsonElement sweep = copy.get("sweep");
        if (sweep == null || !sweep.isJsonObject()) return copy;
        expandFiles(sweep.getAsJsonObject(), "sweep.");
        JsonElement zip = sweep.getAsJsonObject().get(ZIP);
        if (zip != null && zip.isJsonObject()) expandFiles(zip.getAsJsonObject(), "sweep." + ZIP + ".");
        return copy;
    }

    /** Each file axis of {@code axes} (whose list sits at {@code prefix} + path) replaced by its values. */
    private void expandFiles(JsonObject axes, String prefix) {
        for (Map.Entry<String, JsonElement> axis : axes.entrySet()) {
            if (!axis.getValue().isJsonObject() || !axis.getValue().getAsJsonObject().has(SweepFiles.KEY)) continue;
            for (SweepAxis expanded : sweep) {
                int at = expanded.sources().indexOf(prefix + axis.getKey());
                if (at >= 0) axis.setValue(expanded.values().get(at).deepCopy());
            }
        }
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

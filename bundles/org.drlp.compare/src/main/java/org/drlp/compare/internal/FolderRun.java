package org.drlp.compare.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.drlp.api.SolveStatus;
import org.drlp.compare.Measure;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One run of results.json, reduced to what a comparison needs.
 *
 * @param experiment     the name of the experiment it belongs to
 * @param problemLabel   its {@code problem} field when results.json has one, else null
 * @param instance       the resolved data and model settings flattened to {@code data.seed} -> {@code 3}:
 *                       two runs solved the same problem exactly when these agree (a repeat offsets a
 *                       data seed, and so solves another problem)
 * @param configuration  the swept values that are not under data. or model.; empty when none are
 * @param objective      NaN when the run has no point to trust (FAILED, NUMERICAL_FAILURE, UNBOUNDED)
 * @param costs          by measure name; no pivots for Adam, which makes none
 */
record FolderRun(String experiment, String problemLabel, Map<String, String> instance, String configuration,
                 boolean certified, double objective, Map<String, Double> costs) {

    static FolderRun of(String experiment, JsonObject run) {
        JsonObject config = object(run, "config");
        Map<String, String> instance = new LinkedHashMap<>();
        for (String section : new String[] {"data", "model"}) {
            for (Map.Entry<String, JsonElement> entry : object(config, section).entrySet()) {
                instance.put(section + "." + entry.getKey(), text(entry.getValue()));
            }
        }
        StringBuilder configuration = new StringBuilder();
        for (Map.Entry<String, JsonElement> swept : object(run, "sweep").entrySet()) {
            if (isProblemAxis(swept.getKey())) continue;
            if (configuration.length() > 0) configuration.append(' ');
            configuration.append(swept.getKey()).append('=').append(text(swept.getValue()));
        }
        SolveStatus status = status(ResultsFolder.string(run, "status", ""));
        boolean trusted = status != null && status != SolveStatus.FAILED && status != SolveStatus.NUMERICAL_FAILURE
                && status != SolveStatus.UNBOUNDED;
        Map<String, Double> costs = new LinkedHashMap<>();
        costs.put(Measure.SECONDS.name(), number(run, "seconds"));
        String method = ResultsFolder.string(object(config, "solver"), "method", "");
        costs.put(Measure.PIVOTS.name(), method.equals("adam") ? Double.NaN : number(run, "iterations"));
        return new FolderRun(experiment, ResultsFolder.string(run, "problem", null), instance, configuration.toString(),
                status != null && status.isCertified(), trusted ? number(run, "objective") : Double.NaN, costs);
    }

    /** Swept paths under data. and model. pick the problem; the rest are the strategy compared. */
    static boolean isProblemAxis(String path) {
        return path.startsWith("data.") || path.startsWith("model.");
    }

    private static SolveStatus status(String name) {
        try {
            return SolveStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement value = parent.get(key);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
    }

    private static double number(JsonObject run, String key) {
        JsonElement value = run.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                ? value.getAsDouble() : Double.NaN;
    }

    /** A string as itself, anything else (numbers, a pivot rule object) as its JSON. */
    private static String text(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : value.toString();
    }
}

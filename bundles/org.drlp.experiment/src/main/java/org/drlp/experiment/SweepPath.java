package org.drlp.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The dotted paths a sweep may set: {@code section.key} for a section data, model, loss or solver
 * (the key may be the plugin selector, such as {@code loss.type}, which switches the plugin), and
 * {@code solver.pivot.key} for a parameter of the pivot rule.
 */
final class SweepPath {

    private SweepPath() {
    }

    /** Why {@code path} cannot be swept, or null when it can. */
    static String problem(String path) {
        String[] parts = path.split("\\.", -1);
        boolean sectionKey = parts.length == 2 && ExperimentSpec.SECTIONS.contains(parts[0]);
        boolean pivotKey = parts.length == 3 && parts[0].equals("solver") && parts[1].equals("pivot");
        for (String part : parts) {
            if (part.isEmpty()) sectionKey = pivotKey = false;
        }
        return sectionKey || pivotKey ? null
                : "cannot sweep \"" + path + "\"; a swept path is section.key (section: "
                        + String.join(", ", ExperimentSpec.SECTIONS) + ") or solver.pivot.key";
    }

    /**
     * Sets the value at a valid path in the sections, creating a missing solver section. A pivot
     * given by name alone becomes {"type": name} so that one of its parameters can be set.
     */
    static void set(JsonObject sections, String path, JsonElement value) {
        String[] parts = path.split("\\.");
        JsonObject parent = child(sections, parts[0]);
        if (parts.length == 3) {
            JsonElement pivot = parent.get(parts[1]);
            if (pivot != null && pivot.isJsonPrimitive()) {
                JsonObject named = new JsonObject();
                named.add("type", pivot);
                parent.add(parts[1], named);
            }
            parent = child(parent, parts[1]);
        }
        parent.add(parts[parts.length - 1], value.deepCopy());
    }

    /** The object under {@code key}, created when missing; a non-object there is replaced. */
    private static JsonObject child(JsonObject parent, String key) {
        JsonElement existing = parent.get(key);
        if (existing != null && existing.isJsonObject()) return existing.getAsJsonObject();
        JsonObject created = new JsonObject();
        parent.add(key, created);
        return created;
    }
}

package org.drlp.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The dotted paths a sweep may set: {@code section.key} for a section data, model, loss or solver
 * (the key may be the plugin selector, such as {@code loss.type}, which switches the plugin), and
 * deeper paths into the plugins a section's PLUGIN parameters name, such as
 * {@code solver.pivot.seed} or {@code solver.lineSearch.type}. The whole solver section may be swept too
 * ({@code "solver": [{"method": "adam", ...}, {"method": "block-coordinate", ...}]}): each value
 * replaces the section, so that methods with different parameters are compared in one sweep.
 */
final class SweepPath {

    private SweepPath() {
    }

    /** Why {@code path} cannot be swept, or null when it can. */
    static String problem(String path) {
        String[] parts = path.split("\\.", -1);
        // a whole section only for the solver: the problem's identity is read from data.* and model.* keys
        boolean valid = ExperimentSpec.SECTIONS.contains(parts[0]) && (parts.length >= 2 || parts[0].equals("solver"));
        for (String part : parts) {
            if (part.isEmpty()) valid = false;
        }
        return valid ? null
                : "cannot sweep \"" + path + "\"; a swept path is section.key (section: "
                        + String.join(", ", ExperimentSpec.SECTIONS) + "), the whole solver section (each value replaces it), or deeper into a plugin the section names, such as "
                        + "solver.pivot.seed";
    }

    /**
     * Sets the value at a valid path in the sections, creating missing objects on the way. A nested
     * plugin given by name alone becomes {"type": name} so that one of its parameters can be set.
     */
    static void set(JsonObject sections, String path, JsonElement value) {
        String[] parts = path.split("\\.");
        JsonObject parent = sections;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonElement existing = parent.get(parts[i]);
            if (i > 0 && existing != null && existing.isJsonPrimitive()) {
                JsonObject named = new JsonObject();
                named.add("type", existing);
                parent.add(parts[i], named);
            }
            parent = child(parent, parts[i]);
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

package org.drlp.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One point of a sweep: the plugin sections with the swept values put in, and where in the file
 * each swept value came from (so that errors about it point at the sweep entry).
 *
 * @param values   swept path to its value at this point, in spec order
 * @param sources  swept path to the value's path in the file, for example {@code sweep.loss.tau[2]}
 */
record SweepPoint(JsonObject sections, Map<String, JsonElement> values, Map<String, String> sources) {

    /** Where the value at {@code path} of this point is written in the file. */
    String sourceOf(String path) {
        for (Map.Entry<String, String> swept : sources.entrySet()) {
            String key = swept.getKey();
            if (path.equals(key)) return swept.getValue();
            if (path.startsWith(key + ".")) return swept.getValue() + path.substring(key.length());
        }
        return path;
    }

    /** The swept values as a label, for example {@code loss.tau=0.5 solver.pivot=dantzig}. */
    String label() {
        StringBuilder label = new StringBuilder();
        for (Map.Entry<String, String> value : valueTexts().entrySet()) {
            if (label.length() > 0) label.append(' ');
            label.append(value.getKey()).append('=').append(value.getValue());
        }
        return label.toString();
    }

    /** Swept path to its value as text, in spec order; see {@link #text}. */
    Map<String, String> valueTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        values.forEach((path, value) -> texts.put(path, text(value)));
        return texts;
    }

    /** A swept value as people read it: a string bare, anything else as JSON ({@code 0.5}, {@code ["a","b"]}). */
    static String text(JsonElement value) {
        boolean string = value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
        return string ? value.getAsString() : value.toString();
    }
}

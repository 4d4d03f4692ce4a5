package org.drlp.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Expands a sweep into the cartesian product of its values; the first swept path varies slowest. */
final class SweepExpansion {

    private SweepExpansion() {
    }

    /** Number of points, computed without expanding (a huge sweep is refused before it fills memory). */
    static long count(ExperimentSpec spec) {
        long count = 1;
        for (JsonArray axis : spec.sweep().values()) count = Math.multiplyExact(count, axis.size());
        return count;
    }

    static List<SweepPoint> expand(ExperimentSpec spec) {
        List<String> paths = new ArrayList<>(spec.sweep().keySet());
        List<JsonArray> axes = new ArrayList<>(spec.sweep().values());
        long count = count(spec);
        List<SweepPoint> points = new ArrayList<>();
        int[] digits = new int[axes.size()];
        for (long p = 0; p < count; p++) {
            JsonObject sections = spec.sections().deepCopy();
            Map<String, JsonElement> values = new LinkedHashMap<>();
            Map<String, String> sources = new LinkedHashMap<>();
            for (int a = 0; a < axes.size(); a++) {
                JsonElement value = axes.get(a).get(digits[a]);
                SweepPath.set(sections, paths.get(a), value);
                values.put(paths.get(a), value);
                sources.put(paths.get(a), "sweep." + paths.get(a) + "[" + digits[a] + "]");
            }
            points.add(new SweepPoint(sections, values, sources));
            advance(digits, axes);
        }
        return points;
    }

    /** Counts in mixed radix with the last axis as the fastest digit. */
    private static void advance(int[] digits, List<JsonArray> axes) {
        for (int a = digits.length - 1; a >= 0; a--) {
            if (++digits[a] < axes.get(a).size()) return;
            digits[a] = 0;
        }
    }
}

package org.drlp.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Expands a sweep into the cartesian product of its axes; the first axis varies slowest, and the
 * paths of a zipped axis take the values at one position together.
 */
final class SweepExpansion {

    private SweepExpansion() {
    }

    /** Number of points, computed without expanding (a huge sweep is refused before it fills memory). */
    static long count(ExperimentSpec spec) {
        long count = 1;
        for (SweepAxis axis : spec.sweep()) count = Math.multiplyExact(count, axis.size());
        return count;
    }

    static List<SweepPoint> expand(ExperimentSpec spec) {
        List<SweepAxis> axes = spec.sweep();
        long count = count(spec);
        List<SweepPoint> points = new ArrayList<>();
        int[] digits = new int[axes.size()];
        for (long point = 0; point < count; point++) {
            JsonObject sections = spec.sections().deepCopy();
            Map<String, JsonElement> values = new LinkedHashMap<>();
            Map<String, String> sources = new LinkedHashMap<>();
            for (int a = 0; a < axes.size(); a++) {
                SweepAxis axis = axes.get(a);
                for (int k = 0; k < axis.paths().size(); k++) {
                    String path = axis.paths().get(k);
                    JsonElement value = axis.values().get(k).get(digits[a]);
                    SweepPath.set(sections, path, value);
                    values.put(path, value);
                    sources.put(path, axis.sources().get(k) + "[" + digits[a] + "]");
                }
            }
            points.add(new SweepPoint(sections, values, sources));
            advance(digits, axes);
        }
        return points;
    }

    /** Counts in mixed radix with the last axis as the fastest digit. */
    private static void advance(int[] digits, List<SweepAxis> axes) {
        for (int a = digits.length - 1; a >= 0; a--) {
            if (++digits[a] < axes.get(a).size()) return;
            digits[a] = 0;
        }
    }
}

package org.drlp.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * A sweep axis given as {@code {"from": 0.05, "to": 0.95, "step": 0.05}}: from, from + step, ... up
 * to and including {@code to} (an end that falls within 1e-9 steps of a value counts as reached).
 * Computed in decimal from the numbers as written, so that 0.05 + 2 * 0.05 is 0.15, not
 * 0.15000000000000002, and trailing zeros dropped (0.10 is 0.1); integers stay integers.
 */
final class SweepRange {

    static final List<String> KEYS = List.of("from", "to", "step");
    /** A range longer than this is surely a mistaken step (the whole sweep has its own limit too). */
    static final int MAX_VALUES = 1_000_000;
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");

    private SweepRange() {
    }

    /** Whether an axis object is meant as a range (it has any of the range's keys). */
    static boolean isRange(JsonObject axis) {
        return KEYS.stream().anyMatch(axis::has);
    }

    /**
     * The values, or null after reporting why there are none.
     *
     * @param where  the axis in the file, for example {@code sweep.loss.tau}
     */
    static JsonArray expand(JsonObject axis, String where, SpecProblems problems) {
        for (String key : axis.keySet()) {
            if (!KEYS.contains(key)) {
                problems.add(where + "." + key, "unknown key \"" + key + "\" in a range; it takes from, to and step, "
                        + "such as {\"from\": 0.05, \"to\": 0.95, \"step\": 0.05}");
                return null;
            }
        }
        BigDecimal[] bounds = new BigDecimal[3];
        for (int i = 0; i < 3; i++) {
            String key = KEYS.get(i);
            JsonElement value = axis.get(key);
            if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
                problems.add(value == null ? where : where + "." + key, "a range needs \"" + key
                        + "\", a number, as in {\"from\": 0.05, \"to\": 0.95, \"step\": 0.05}");
                return null;
            }
            bounds[i] = value.getAsBigDecimal();
        }
        BigDecimal from = bounds[0], to = bounds[1], step = bounds[2];
        if (step.signum() == 0) {
            problems.add(where + ".step", "a range's step must not be 0");
            return null;
        }
        BigDecimal span = to.subtract(from);
        if (span.signum() != 0 && span.signum() != step.signum()) {
            problems.add(where + ".step", "step " + step.toPlainString() + " goes away from \"to\" ("
                    + from.toPlainString() + " to " + to.toPlainString() + "); it must be "
                    + (span.signum() > 0 ? "positive" : "negative"));
            return null;
        }
        BigDecimal steps = span.divide(step, MathContext.DECIMAL64).add(TOLERANCE).setScale(0, RoundingMode.FLOOR);
        if (steps.compareTo(BigDecimal.valueOf(MAX_VALUES - 1)) > 0) {
            problems.add(where, "the range has more than " + MAX_VALUES + " values; is the step right?");
            return null;
        }
        JsonArray values = new JsonArray();
        for (int k = 0; k <= steps.intValueExact(); k++) {
            values.add(new JsonPrimitive(tidy(from.add(step.multiply(BigDecimal.valueOf(k))))));
        }
        return values;
    }

    /** Without trailing zeros, and never in exponent form for an integer (10, not 1E+1). */
    private static BigDecimal tidy(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

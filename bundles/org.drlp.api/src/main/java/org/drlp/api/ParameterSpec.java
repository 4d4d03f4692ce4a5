package org.drlp.api;

import java.util.List;
import java.util.Objects;

/**
 * One declared parameter of a plugin: name, type, default, allowed range or values, and a one-line
 * doc. Immutable; build with the static factories and the {@code with...} methods.
 *
 * @param defaultValue  null means the parameter is required (or optional without default when
 *                      {@code optional} is set)
 * @param min           lower bound for numbers (NaN: none); {@code minExclusive} makes it strict
 * @param max           upper bound for numbers (NaN: none); {@code maxExclusive} makes it strict. An
 *                      integer is never beyond +-2^53 ({@link #EXACT_MAX}), past which a JSON number
 *                      is not exact; a plugin that reads one with {@link Parameters#intValue} declares
 *                      {@code Integer.MAX_VALUE} (or less) as its bound, so that validation rejects
 *                      what would overflow
 * @param choices       allowed values of a STRING parameter; empty: any. For a REAL parameter (since
 *                      2.3): words it takes in place of a number, such as {@code "process"} for a
 *                      quantile level; {@link Parameters#real} refuses them, {@link Parameters#string}
 *                      reads them
 * @param role          the role id of the plugin a {@link ParameterType#PLUGIN} parameter names (for
 *                      example {@code pivot}); null for every other type. Its default is a plugin name
 * @param meaning       what the workbench itself does with the value beyond passing it on
 */
public record ParameterSpec(String name, ParameterType type, Object defaultValue, boolean optional,
                            double min, boolean minExclusive, double max, boolean maxExclusive,
                            List<String> choices, String role, ParameterMeaning meaning, String description) {

    /** The largest integer parameter: 2^53, the last integer a double (a JSON number) holds exactly. */
    public static final double EXACT_MAX = 9007199254740992.0;

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        if ((type == ParameterType.PLUGIN) != (role != null)) {
            throw new IllegalArgumentException(name + ": a role goes with the type PLUGIN and only with it");
        }
        meaning = meaning == null ? ParameterMeaning.NONE : meaning;
        description = description == null ? "" : description;
    }

    private static ParameterSpec of(String name, ParameterType type, Object defaultValue, String description) {
        return new ParameterSpec(name, type, defaultValue, false, Double.NaN, false, Double.NaN, false,
                List.of(), null, ParameterMeaning.NONE, description);
    }

    public static ParameterSpec real(String name, Double defaultValue, String description) {
        return of(name, ParameterType.REAL, defaultValue, description);
    }

    public static ParameterSpec integer(String name, Long defaultValue, String description) {
        return of(name, ParameterType.INTEGER, defaultValue, description);
    }

    public static ParameterSpec bool(String name, Boolean defaultValue, String description) {
        return of(name, ParameterType.BOOLEAN, defaultValue, description);
    }

    public static ParameterSpec string(String name, String defaultValue, String description) {
        return of(name, ParameterType.STRING, defaultValue, description);
    }

    /**
     * A seed of random choices: an integer that a sweep's repeat r offsets by r, so that repeats
     * differ while repeat 0 is what the spec says.
     */
    public static ParameterSpec seed(String name, Long defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.INTEGER, defaultValue, false, Double.NaN, false, Double.NaN,
                false, List.of(), null, ParameterMeaning.SEED, description);
    }

    /**
     * A solver method's wall-clock limit in seconds (0: none): the run's watchdog allows each stage
     * of a run this long plus a grace before it abandons the run.
     */
    public static ParameterSpec timeLimit(String name, Double defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.REAL, defaultValue, false, 0, false, Double.NaN, false,
                List.of(), null, ParameterMeaning.TIME_LIMIT, description);
    }

    /**
     * A part of the plugin that is itself a plugin of {@code role}, chosen by name with its own
     * parameters: in a spec {@code "pivot": "dantzig"} or {@code "pivot": {"type": "random", "seed": 3}}.
     *
     * @param defaultName  the plugin used when the spec says nothing; null makes the parameter required
     */
    public static ParameterSpec plugin(String name, String role, String defaultName, String description) {
        return new ParameterSpec(name, ParameterType.PLUGIN, defaultName, false, Double.NaN, false, Double.NaN,
                false, List.of(), role, ParameterMeaning.NONE, description);
    }

    public static ParameterSpec path(String name, String defaultValue, String description) {
        return of(name, ParameterType.PATH, defaultValue, description);
    }

    public static ParameterSpec list(String name, ParameterType type, List<?> defaultValue, String description) {
        if (type != ParameterType.REAL_LIST && type != ParameterType.INTEGER_LIST && type != ParameterType.STRING_LIST) {
            throw new IllegalArgumentException("not a list type: " + type);
        }
        return of(name, type, defaultValue == null ? null : List.copyOf(defaultValue), description);
    }

    /** Allowed interval; {@code Double.NaN} leaves a side open. */
    public ParameterSpec withRange(double min, boolean minExclusive, double max, boolean maxExclusive) {
        return new ParameterSpec(name, type, defaultValue, optional, min, minExclusive, max, maxExclusive,
                choices, role, meaning, description);
    }

    public ParameterSpec withChoices(String... allowed) {
        return new ParameterSpec(name, type, defaultValue, optional, min, minExclusive, max, maxExclusive,
                List.of(allowed), role, meaning, description);
    }

    /** Marks a parameter without default as optional (absent from {@link Parameters} when not given). */
    public ParameterSpec asOptional() {
        return new ParameterSpec(name, type, defaultValue, true, min, minExclusive, max, maxExclusive,
                choices, role, meaning, description);
    }

    public boolean required() {
        return defaultValue == null && !optional;
    }

    /** The allowed range or values in words, for listings and error messages; empty when unrestricted. */
    public String constraintText() {
        if (type == ParameterType.PLUGIN) return "a plugin of role " + role;
        if (!choices.isEmpty() && type != ParameterType.REAL) return "one of " + String.join(", ", choices);
        String words = choices.isEmpty() ? "" : " or \"" + String.join("\", \"", choices) + "\"";
        return numberRange() + words;
    }

    private String numberRange() {
        boolean hasMin = !Double.isNaN(min), hasMax = !Double.isNaN(max);
        if (hasMin && hasMax) {
            return (minExclusive ? "(" : "[") + fmt(min) + ", " + fmt(max) + (maxExclusive ? ")" : "]");
        }
        if (hasMin) return (minExclusive ? "> " : ">= ") + fmt(min);
        if (hasMax) return (maxExclusive ? "< " : "<= ") + fmt(max);
        return type == ParameterType.REAL && !choices.isEmpty() ? "a number" : "";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) <= EXACT_MAX ? Long.toString((long) v) : Double.toString(v);
    }
}

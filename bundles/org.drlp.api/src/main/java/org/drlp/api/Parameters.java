package org.drlp.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated, typed parameter values of one plugin instance. Built by {@link #resolve}, which checks
 * the given values against the plugin's declarations and fills in defaults.
 */
public final class Parameters {

    private static final long LARGEST = (long) ParameterSpec.EXACT_MAX;

    private final String owner;
    private final Map<String, Object> values;
    private final Path baseDirectory;

    private Parameters(String owner, Map<String, Object> values, Path baseDirectory) {
        this.owner = owner;
        this.values = Collections.unmodifiableMap(values);
        this.baseDirectory = baseDirectory;
    }

    /**
     * Checks {@code given} against {@code specs} and fills in defaults. A {@link ParameterType#PLUGIN}
     * parameter takes a {@link PluginChoice} of its role, found in the catalogue by whoever calls
     * this (the experiment service); one left out stays absent, whatever its default.
     *
     * @param owner          how to name the plugin in messages, for example {@code loss "quantile"}
     * @param baseDirectory  directory that relative PATH values are resolved against
     * @throws ParameterException naming the parameter and what is allowed
     */
    public static Parameters resolve(String owner, List<ParameterSpec> specs, Map<String, ?> given,
                                     Path baseDirectory) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) byName.put(spec.name(), spec);
        for (String key : given.keySet()) {
            if (!byName.containsKey(key)) {
                throw new ParameterException(owner + ": unknown parameter \"" + key + "\"; known: "
                        + (byName.isEmpty() ? "(none)" : String.join(", ", byName.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            Object raw = given.get(spec.name());
            if (raw == null) {
                // a plugin's default is a name: only the catalogue turns it into a PluginChoice
                if (spec.defaultValue() != null && spec.type() != ParameterType.PLUGIN) {
                    values.put(spec.name(), spec.defaultValue());
                }
                else if (spec.required()) {
                    throw new ParameterException(owner + ": missing required parameter \"" + spec.name()
                            + "\" (" + describe(spec) + ")");
                }
                continue;
            }
            values.put(spec.name(), convert(owner, spec, raw));
        }
        return new Parameters(owner, values, baseDirectory == null ? Path.of("") : baseDirectory);
    }

    /** Parameters with every default, for programmatic use and tests. */
    public static Parameters defaults(String owner, List<ParameterSpec> specs) {
        return resolve(owner, specs, Map.of(), null);
    }

    private static String describe(ParameterSpec spec) {
        String range = spec.constraintText();
        if (spec.type() == ParameterType.PLUGIN) return "a " + spec.role() + " plugin";
        return spec.type().name().toLowerCase() + (range.isEmpty() ? "" : " " + range);
    }

    private static Object convert(String owner, ParameterSpec spec, Object raw) {
        String where = owner + ": parameter \"" + spec.name() + "\" = " + show(raw);
        switch (spec.type()) {
            case REAL: {
                // a number, or one of the words the spec allows in its place
                if (!spec.choices().isEmpty() && !(raw instanceof Number)) {
                    if (raw instanceof String word && spec.choices().contains(word)) return word;
                    throw new ParameterException(where + " is not allowed; allowed " + spec.constraintText());
                }
                double v = number(where, raw);
                checkRange(where, spec, v);
                return v;
            }
            case INTEGER:
                return integer(where, spec, raw);
            case BOOLEAN:
                if (raw instanceof Boolean b) return b;
                throw new ParameterException(where + " is not a boolean (true or false)");
            case STRING:
            case PATH: {
                if (!(raw instanceof String s)) throw new ParameterException(where + " is not a string");
                if (!spec.choices().isEmpty() && !spec.choices().contains(s)) {
                    throw new ParameterException(where + " is not allowed; " + spec.constraintText());
                }
                return s;
            }
            case REAL_LIST:
            case INTEGER_LIST:
            case STRING_LIST: {
                if (!(raw instanceof List<?> list)) throw new ParameterException(where + " is not a list");
                List<Object> out = new ArrayList<>(list.size());
                for (Object item : list) {
                    if (spec.type() == ParameterType.STRING_LIST) {
                        if (!(item instanceof String)) throw new ParameterException(where + " holds a non-string " + show(item));
                        out.add(item);
                    } else if (spec.type() == ParameterType.INTEGER_LIST) {
                        out.add(integer(where, spec, item));
                    } else {
                        double v = number(where, item);
                        checkRange(where, spec, v);
                        out.add(v);
                    }
                }
                return List.copyOf(out);
            }
            case PLUGIN: {
                if (raw instanceof PluginChoice choice && choice.role().equals(spec.role())) return choice;
                throw new ParameterException(where + " is not a " + spec.role() + " plugin from the catalogue");
            }
            default:
                throw new AssertionError(spec.type());
        }
    }

    private static double number(String where, Object raw) {
        if (!(raw instanceof Number n)) throw new ParameterException(where + " is not a number");
        double v = n.doubleValue();
        if (!Double.isFinite(v)) throw new ParameterException(where + " is not finite");
        return v;
    }

    /** A whole number within the declared range and within +-2^53; messages name the range. */
    private static long integer(String where, ParameterSpec spec, Object raw) {
        double v = raw instanceof Long exact ? exact : number(where, raw);
        if (v != Math.rint(v)) throw new ParameterException(where + " is not an integer; allowed " + integerRange(spec));
        // compared as a long when it is one: 2^53 + 1 would round to 2^53 as a double
        boolean tooLarge = raw instanceof Long exact ? exact > LARGEST || exact < -LARGEST : Math.abs(v) > LARGEST;
        if (tooLarge) {
            boolean open = Double.isNaN(spec.min()) || Double.isNaN(spec.max());
            throw new ParameterException(where + " is out of range; allowed "
                    + (open ? integerRange(spec) + ", at most 2^53 in size" : spec.constraintText()));
        }
        checkRange(where, spec, v);
        return raw instanceof Long exact ? exact : (long) v;
    }

    private static String integerRange(ParameterSpec spec) {
        String range = spec.constraintText();
        return range.isEmpty() ? "integers" : "integers " + range;
    }

    private static void checkRange(String where, ParameterSpec spec, double v) {
        boolean low = !Double.isNaN(spec.min()) && (spec.minExclusive() ? v <= spec.min() : v < spec.min());
        boolean high = !Double.isNaN(spec.max()) && (spec.maxExclusive() ? v >= spec.max() : v > spec.max());
        if (low || high) throw new ParameterException(where + " is out of range; allowed " + spec.constraintText());
    }

    private static String show(Object raw) {
        return raw instanceof String ? "\"" + raw + "\"" : String.valueOf(raw);
    }

    public String owner() {
        return owner;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * A REAL parameter's number.
     *
     * @throws ParameterException when it holds one of the words its spec allows instead (see
     *                            {@link ParameterSpec#choices()}): read those with {@link #string}
     */
    public double real(String name) {
        Object value = require(name);
        if (value instanceof String word) {
            throw new ParameterException(owner + ": parameter \"" + name + "\" is \"" + word + "\", not a number");
        }
        return (Double) value;
    }

    public long integer(String name) {
        return (Long) require(name);
    }

    /**
     * An INTEGER parameter as an int. Declare the parameter's range within the int range (see
     * {@link ParameterSpec}) so that validation, not this, rejects a value too large.
     *
     * @throws ParameterException when the value does not fit an int
     */
    public int intValue(String name) {
        long value = integer(name);
        if (value != (int) value) {
            throw new ParameterException(owner + ": parameter \"" + name + "\" = " + value + " is out of range; "
                    + "allowed [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]");
        }
        return (int) value;
    }

    public boolean bool(String name) {
        return (Boolean) require(name);
    }

    public String string(String name) {
        return (String) require(name);
    }

    /** A PATH parameter resolved against the base directory (the spec file's folder). */
    public Path path(String name) {
        return baseDirectory.resolve((String) require(name)).normalize();
    }

    /**
     * The plugin chosen for a {@link ParameterType#PLUGIN} parameter.
     *
     * @throws ParameterException when none was resolved (a programmatic caller left it out)
     */
    public PluginChoice plugin(String name) {
        Object value = values.get(name);
        if (value instanceof PluginChoice choice) return choice;
        throw new ParameterException(owner + ": parameter \"" + name + "\" names no plugin resolved from the catalogue");
    }

    @SuppressWarnings("unchecked")
    public List<Double> reals(String name) {
        return (List<Double>) require(name);
    }

    @SuppressWarnings("unchecked")
    public List<Long> integers(String name) {
        return (List<Long>) require(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return (List<String>) require(name);
    }

    /** All resolved values (defaults included), in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    public Path baseDirectory() {
        return baseDirectory;
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) throw new ParameterException(owner + ": parameter \"" + name + "\" was not given");
        return v;
    }

    @Override
    public String toString() {
        return owner + values;
    }
}

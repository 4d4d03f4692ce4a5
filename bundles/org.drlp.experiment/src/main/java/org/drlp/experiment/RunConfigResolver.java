package org.drlp.experiment;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drlp.api.ParameterException;
import org.drlp.api.ParameterSpec;
import org.drlp.api.ParameterType;
import org.drlp.api.Parameters;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.LossProvider;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.PivotRuleProvider;
import org.drlp.spi.Plugin;
import org.drlp.spi.SolverMethod;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Turns one sweep point and repeat into a {@link RunPlan}: finds each plugin by name, validates its
 * parameters, then lets each plugin check what its declarations cannot say (files, columns, shapes,
 * the other plugins of the run: {@link PluginChecks}), reporting every problem with the place in
 * the file it comes from.
 *
 * <p>Repeats: on repeat r (0-based) every INTEGER parameter named {@code seed} of the data source
 * and of the pivot rule, given or defaulted, is offset by r, so that repeats draw different data
 * and random choices while repeat 0 is exactly what the spec says.
 */
final class RunConfigResolver {

    private static final String DEFAULT_METHOD = "vertex-walk";
    private static final String DEFAULT_PIVOT = "dantzig";
    private static final String SEED = "seed";

    /**
     * How a section names its plugin.
     *
     * @param key          the key holding the plugin's name
     * @param defaultName  the plugin when the key is absent; null: the key is required
     * @param seeded       true where a repeat offsets an integer {@code seed} parameter
     */
    private record Selector<P extends Plugin>(PluginRole<P> role, String section, String key, String defaultName,
                                              boolean seeded) {
        String namePath() {
            return section + "." + key;
        }
    }

    private static final Selector<DataSourceProvider> DATA =
            new Selector<>(PluginRole.DATA, "data", "source", null, true);
    private static final Selector<ModelProvider> MODEL = new Selector<>(PluginRole.MODEL, "model", "type", null, false);
    private static final Selector<LossProvider> LOSS = new Selector<>(PluginRole.LOSS, "loss", "type", null, false);
    private static final Selector<SolverMethod> METHOD =
            new Selector<>(PluginRole.METHOD, "solver", "method", DEFAULT_METHOD, false);
    private static final Selector<PivotRuleProvider> PIVOT =
            new Selector<>(PluginRole.PIVOT, "solver.pivot", "type", DEFAULT_PIVOT, true);

    private final PluginRegistry plugins;
    private final SpecProblems problems;
    private final Path baseDirectory;
    private final PluginChecks checks = new PluginChecks();

    /** @param baseDirectory the spec's folder: PATH parameters are relative to it */
    RunConfigResolver(PluginRegistry plugins, SpecProblems problems, Path baseDirectory) {
        this.plugins = plugins;
        this.problems = problems;
        this.baseDirectory = baseDirectory;
    }

    /** The plan, or null when something did not resolve (the problems say what). */
    RunPlan resolve(int index, String label, SweepPoint point, int repeat) {
        JsonObject sections = point.sections();
        Section at = new Section(point, repeat);
        // in file order, so that problems are reported in it; data and loss may be left out only for
        // a model that uses neither, which is known once the model is
        boolean hasData = sections.has("data"), hasLoss = sections.has("loss");
        var data = hasData ? at.plugin(DATA, sections.getAsJsonObject("data"), DATA.namePath()) : null;
        var model = at.plugin(MODEL, sections.getAsJsonObject("model"), MODEL.namePath());
        var loss = hasLoss ? at.plugin(LOSS, sections.getAsJsonObject("loss"), LOSS.namePath()) : null;
        boolean optional = needsNeitherDataNorLoss(sections.getAsJsonObject("model"));
        if (!hasData && !optional) at.problem("data", "missing section \"data\"");
        if (!hasLoss && !optional) at.problem("loss", "missing section \"loss\"");
        boolean resolved = (hasData ? data != null : optional) && (hasLoss ? loss != null : optional);
        JsonObject solver = sections.has("solver") ? sections.getAsJsonObject("solver").deepCopy() : new JsonObject();
        JsonElement pivotEntry = solver.remove("pivot");
        var method = at.plugin(METHOD, solver, METHOD.namePath());
        ResolvedPlugin<PivotRuleProvider> pivot = null;
        boolean needsPivot = method == null || method.plugin().usesPivotRule();
        if (!needsPivot) {
            if (pivotEntry != null && !pivotEntry.isJsonNull()) {
                at.problem("solver.pivot", "solver method \"" + method.name() + "\" does not use a pivot rule; "
                        + "remove \"pivot\"");
            }
        } else {
            boolean byName = pivotEntry != null && pivotEntry.isJsonPrimitive();
            pivot = at.plugin(PIVOT, pivotObject(pivotEntry), byName ? "solver.pivot" : PIVOT.namePath());
        }
        at.check(data, model, loss, method, pivot, pivotEntry != null && pivotEntry.isJsonPrimitive());
        if (!resolved || model == null || method == null || (needsPivot && pivot == null)) {
            return null;
        }
        return new RunPlan(index, label, point, repeat, data, model, loss, method, pivot);
    }

    /**
     * Whether data and loss may be left out: the named model uses neither, or is unknown (that is
     * reported already, and a guess about the sections it needs would only add noise). Decided by
     * name, so that a wrong model parameter is not also reported as missing sections.
     */
    private boolean needsNeitherDataNorLoss(JsonObject model) {
        JsonElement type = model == null ? null : model.get(MODEL.key());
        if (type == null || !type.isJsonPrimitive() || !type.getAsJsonPrimitive().isString()) return false;
        return plugins.find(PluginRole.MODEL, type.getAsString()).map(found -> !found.usesDataAndLoss()).orElse(true);
    }

    /** A pivot given by name alone is the object {"type": name}; absent is {}, the default rule. */
    private static JsonObject pivotObject(JsonElement entry) {
        if (entry == null || entry.isJsonNull()) return new JsonObject();
        if (entry.isJsonObject()) return entry.getAsJsonObject();
        JsonObject named = new JsonObject();
        named.add("type", entry);
        return named;
    }

    /** Resolution of the sections of one point and repeat, reporting at the entries' places in the file. */
    private final class Section {
        private final SweepPoint point;
        private final int repeat;

        Section(SweepPoint point, int repeat) {
            this.point = point;
            this.repeat = repeat;
        }

        void problem(String path, String message) {
            problems.add(point.sourceOf(path), message);
        }

        /** Each plugin's own check, in file order; the model's sees the data's feature names. Null: did not resolve. */
        void check(ResolvedPlugin<DataSourceProvider> data, ResolvedPlugin<ModelProvider> model,
                   ResolvedPlugin<LossProvider> loss, ResolvedPlugin<SolverMethod> method,
                   ResolvedPlugin<PivotRuleProvider> pivot, boolean pivotByName) {
            PluginChecks.Run run = new PluginChecks.Run(Optional.ofNullable(model).map(ResolvedPlugin::name),
                    Optional.ofNullable(method).map(ResolvedPlugin::name));
            Optional<List<String>> features = Optional.empty();
            if (data != null) features = check(data, DATA, DATA.namePath(), Optional.empty(), run);
            if (model != null) check(model, MODEL, MODEL.namePath(), features, run);
            if (loss != null) check(loss, LOSS, LOSS.namePath(), Optional.empty(), run);
            if (method != null) check(method, METHOD, METHOD.namePath(), Optional.empty(), run);
            if (pivot != null) check(pivot, PIVOT, pivotByName ? "solver.pivot" : PIVOT.namePath(), Optional.empty(), run);
        }

        private Optional<List<String>> check(ResolvedPlugin<?> plugin, Selector<?> selector, String namePath,
                                             Optional<List<String>> features, PluginChecks.Run run) {
            return checks.check(new PluginChecks.Placed(plugin, selector.role(), selector.section(), namePath),
                    features, run, this::problem);
        }

        /**
         * @param object    the section; null when it is missing (already reported by the spec's shape)
         * @param namePath  where the plugin's name is written ({@code solver.pivot} for a pivot given by name)
         */
        <P extends Plugin> ResolvedPlugin<P> plugin(Selector<P> selector, JsonObject object, String namePath) {
            if (object == null) return null;
            PluginRole<P> role = selector.role();
            JsonElement nameEntry = object.get(selector.key());
            String name = selector.defaultName();
            if (nameEntry != null && !nameEntry.isJsonNull()) {
                if (!nameEntry.isJsonPrimitive() || !nameEntry.getAsJsonPrimitive().isString()) {
                    problem(namePath, "\"" + selector.key() + "\" must be a string naming a " + role.noun());
                    return null;
                }
                name = nameEntry.getAsString();
            }
            if (name == null) {
                problem(selector.section(), "missing \"" + selector.key() + "\", the " + role.noun() + " to use; "
                        + plugins.availableText(role));
                return null;
            }
            Optional<P> found = plugins.find(role, name);
            if (found.isEmpty()) {
                problem(namePath, plugins.unknownMessage(role, name));
                return null;
            }
            P plugin = found.get();
            Map<String, Object> given = given(role.owner(name), selector, object, plugin);
            if (given == null) return null;
            if (selector.seeded() && repeat > 0) offsetSeed(plugin, given);
            try {
                return new ResolvedPlugin<>(plugin, name,
                        Parameters.resolve(role.owner(name), plugin.parameters(), given, baseDirectory),
                        plugins.origin(plugin));
            } catch (ParameterException e) { // a missing required parameter, or a seed offset out of range
                problem(selector.section(), e.getMessage());
                return null;
            }
        }

        /** The section's parameters as Java values, each checked on its own so that all problems show. */
        private Map<String, Object> given(String owner, Selector<?> selector, JsonObject object, Plugin plugin) {
            Map<String, ParameterSpec> declared = new LinkedHashMap<>();
            for (ParameterSpec spec : plugin.parameters()) declared.put(spec.name(), spec);
            Map<String, Object> given = new LinkedHashMap<>();
            boolean valid = true;
            for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                String key = entry.getKey();
                if (key.equals(selector.key())) continue;
                ParameterSpec spec = declared.get(key);
                Object value = JsonValues.toJava(entry.getValue(), spec == null ? null : spec.type());
                try {
                    // with an unknown key the full list is passed, so the message lists the known ones
                    Parameters.resolve(owner, spec == null ? plugin.parameters() : List.of(spec),
                            Collections.singletonMap(key, value), baseDirectory);
                    given.put(key, value);
                } catch (ParameterException e) {
                    problem(selector.section() + "." + key, e.getMessage());
                    valid = false;
                }
            }
            return valid ? given : null;
        }

        private void offsetSeed(Plugin plugin, Map<String, Object> given) {
            for (ParameterSpec spec : plugin.parameters()) {
                if (!spec.name().equals(SEED) || spec.type() != ParameterType.INTEGER) continue;
                Object seed = given.get(SEED) != null ? given.get(SEED) : spec.defaultValue();
                if (seed instanceof Long value) given.put(SEED, value + repeat);
            }
        }
    }
}

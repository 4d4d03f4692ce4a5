package org.drlp.experiment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.drlp.api.ParameterException;
import org.drlp.api.ParameterMeaning;
import org.drlp.api.ParameterSpec;
import org.drlp.api.ParameterType;
import org.drlp.api.Parameters;
import org.drlp.api.PluginChoice;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.LossProvider;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.Plugin;
import org.drlp.spi.PluginRole;
import org.drlp.spi.ProblemForm;
import org.drlp.spi.SolverMethod;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Turns one sweep point and repeat into a {@link RunPlan}: finds each plugin by name, validates its
 * parameters, resolves the plugins its {@link ParameterType#PLUGIN} parameters name the same way
 * (recursively, whatever their role), checks that the run's method and strategies work on the
 * form of problem its model builds, then lets each plugin check what its declarations cannot say
 * (files, columns, shapes, the other plugins of the run: {@link PluginChecks}), reporting every
 * problem with the place in the file it comes from.
 *
 * <p>Repeats: on repeat r (0-based) every {@link ParameterMeaning#SEED} parameter of every plugin
 * of the run, given or defaulted, is offset by r, so that repeats draw different data and random
 * choices while repeat 0 is exactly what the spec says.
 */
final class RunConfigResolver {

    private static final String DEFAULT_METHOD = "vertex-walk";
    /** The key naming a nested plugin in its object form, {"type": "random", "seed": 3}. */
    private static final String NESTED_SELECTOR = "type";

    /**
     * How a section of the spec names its plugin.
     *
     * @param key          the key holding the plugin's name
     * @param defaultName  the plugin when the key is absent; null: the key is required
     */
    private record Selector<P extends Plugin>(PluginRole<P> role, String section, String key, String defaultName) {
        String namePath() {
            return section + "." + key;
        }
    }

    private static final Selector<DataSourceProvider> DATA = new Selector<>(PluginRole.DATA, "data", "source", null);
    private static final Selector<ModelProvider> MODEL = new Selector<>(PluginRole.MODEL, "model", "type", null);
    private static final Selector<LossProvider> LOSS = new Selector<>(PluginRole.LOSS, "loss", "type", null);
    private static final Selector<SolverMethod> METHOD =
            new Selector<>(PluginRole.METHOD, "solver", "method", DEFAULT_METHOD);

    private final PluginLookup plugins;
    private final SpecProblems problems;
    private final Path baseDirectory;
    private final PluginChecks checks = new PluginChecks();

    /** @param baseDirectory the spec's folder: PATH parameters are relative to it */
    RunConfigResolver(PluginLookup plugins, SpecProblems problems, Path baseDirectory) {
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
        var data = hasData ? at.section(DATA, sections.getAsJsonObject("data")) : null;
        var model = at.section(MODEL, sections.getAsJsonObject("model"));
        var loss = hasLoss ? at.section(LOSS, sections.getAsJsonObject("loss")) : null;
        boolean optional = needsNeitherDataNorLoss(sections.getAsJsonObject("model"));
        if (!hasData && !optional) at.problem("data", "missing section \"data\"");
        if (!hasLoss && !optional) at.problem("loss", "missing section \"loss\"");
        boolean resolved = (hasData ? data != null : optional) && (hasLoss ? loss != null : optional);
        JsonObject solver = sections.has("solver") ? sections.getAsJsonObject("solver") : new JsonObject();
        var method = at.section(METHOD, solver);
        if (model != null && method != null) at.checkForms(model, method);
        at.check(data, model, loss, method);
        if (!resolved || model == null || method == null) return null;
        return new RunPlan(index, label, point, repeat, data, model, loss, method);
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

    /** A problem form in words, for messages. */
    private static String describe(ProblemForm form) {
        return switch (form) {
            case PROGRAM -> "a ReLU program";
            case SEPARABLE -> "a separable program";
            case LAYERWISE -> "a layer-by-layer problem (no single program)";
        };
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

        /** Each plugin's own check, in file order, nested ones after their owner; the model's sees the data's feature names. */
        void check(ResolvedPlugin<DataSourceProvider> data, ResolvedPlugin<ModelProvider> model,
                   ResolvedPlugin<LossProvider> loss, ResolvedPlugin<SolverMethod> method) {
            PluginChecks.Run run = new PluginChecks.Run(Optional.ofNullable(model).map(ResolvedPlugin::name),
                    Optional.ofNullable(method).map(ResolvedPlugin::name));
            Optional<List<String>> features = Optional.empty();
            if (data != null) features = checks.check(data, Optional.empty(), run, this::problem);
            Optional<List<String>> modelFeatures = features;
            if (model != null) model.forEach(p -> checks.check(p, p == model ? modelFeatures : Optional.empty(),
                    run, this::problem));
            for (ResolvedPlugin<?> other : Arrays.asList(loss, method)) {
                if (other != null) other.forEach(p -> checks.check(p, Optional.empty(), run, this::problem));
            }
        }

        /** The method and every strategy it chose must work on the form of problem the model builds. */
        void checkForms(ResolvedPlugin<ModelProvider> model, ResolvedPlugin<SolverMethod> method) {
            ProblemForm form;
            try {
                form = model.plugin().problemForm(model.parameters());
            } catch (RuntimeException | LinkageError e) { // a plugin's bug must not hide the spec's other problems
                problem(model.namePath(), model.owner() + ": telling the form of its problem failed: " + e);
                return;
            }
            if (form == null) form = ProblemForm.PROGRAM;
            ProblemForm built = form;
            method.forEach(p -> {
                Set<ProblemForm> accepted = p.plugin().acceptedForms();
                if (accepted != null && !accepted.contains(built)) {
                    // a plugin the spec leaves to its default is not written anywhere: the model is
                    problem(isWritten(p.namePath()) ? p.namePath() : model.namePath(), p.owner() + " does not work on " + describe(built) + ", which "
                            + model.owner() + " builds; it works on " + accepted.stream()
                            .map(RunConfigResolver::describe).collect(Collectors.joining(" or ")));
                }
            });
        }

        /** Whether the spec (with this point's swept values) writes something at a dotted path. */
        private boolean isWritten(String path) {
            JsonElement current = point.sections();
            for (String key : path.split("\\.")) {
                if (!current.isJsonObject() || !current.getAsJsonObject().has(key)) return false;
                current = current.getAsJsonObject().get(key);
            }
            return true;
        }

        /** The plugin of a top-level section; null when the section is missing (already reported by the spec's shape). */
        <P extends Plugin> ResolvedPlugin<P> section(Selector<P> selector, JsonObject object) {
            if (object == null) return null;
            return plugin(selector.role(), object, selector.section(), selector.key(), selector.defaultName());
        }

        /**
         * Finds the plugin an entry names and resolves its parameters, nested plugins included.
         *
         * @param entry        an object naming the plugin under {@code key}, a name alone (a nested
         *                     plugin), or null (the default)
         * @param section      where the entry sits, for example {@code solver.pivot}
         * @param defaultName  the plugin when the entry names none; null: it must name one
         * @return null when it did not resolve (reported)
         */
        <P extends Plugin> ResolvedPlugin<P> plugin(PluginRole<P> role, JsonElement entry, String section,
                                                    String key, String defaultName) {
            JsonObject object;
            String name = defaultName;
            String namePath = section + "." + key;
            if (entry == null || entry.isJsonNull()) {
                object = new JsonObject();
            } else if (entry.isJsonPrimitive() && entry.getAsJsonPrimitive().isString()) {
                object = new JsonObject();
                name = entry.getAsString();
                namePath = section;
            } else if (entry.isJsonObject()) {
                object = entry.getAsJsonObject();
                JsonElement nameEntry = object.get(key);
                if (nameEntry != null && !nameEntry.isJsonNull()) {
                    if (!nameEntry.isJsonPrimitive() || !nameEntry.getAsJsonPrimitive().isString()) {
                        problem(namePath, "\"" + key + "\" must be a string naming a " + role.noun());
                        return null;
                    }
                    name = nameEntry.getAsString();
                }
            } else {
                problem(section, "must name a " + role.noun() + ": \"name\" or {\"" + key + "\": \"name\", ...}");
                return null;
            }
            if (name == null) {
                problem(section, "missing \"" + key + "\", the " + role.noun() + " to use; "
                        + plugins.availableText(role));
                return null;
            }
            Optional<P> found = plugins.find(role, name);
            if (found.isEmpty()) {
                problem(namePath, plugins.unknownMessage(role, name));
                return null;
            }
            P plugin = found.get();
            Map<String, ResolvedPlugin<?>> nested = new LinkedHashMap<>();
            Map<String, Object> given = given(role.owner(name), section, key, object, plugin, nested);
            if (given == null) return null;
            if (repeat > 0) offsetSeeds(plugin, given);
            try {
                return new ResolvedPlugin<>(plugin, role, name,
                        Parameters.resolve(role.owner(name), plugin.parameters(), given, baseDirectory),
                        section, namePath, plugins.origin(plugin), nested);
            } catch (ParameterException e) { // a missing required parameter, or a seed offset out of range
                problem(section, e.getMessage());
                return null;
            }
        }

        /**
         * The entry's parameters as Java values, each checked on its own so that all problems show;
         * a PLUGIN parameter, given or defaulted, resolved into {@code nested} and given as its choice.
         */
        private Map<String, Object> given(String owner, String section, String selectorKey, JsonObject object,
                                          Plugin plugin, Map<String, ResolvedPlugin<?>> nested) {
            Map<String, ParameterSpec> declared = new LinkedHashMap<>();
            for (ParameterSpec spec : plugin.parameters()) declared.put(spec.name(), spec);
            Map<String, Object> given = new LinkedHashMap<>();
            boolean valid = true;
            for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                String key = entry.getKey();
                if (key.equals(selectorKey)) continue;
                ParameterSpec spec = declared.get(key);
                if (spec != null && spec.type() == ParameterType.PLUGIN) {
                    valid &= nested(owner, section, spec, entry.getValue(), given, nested);
                    continue;
                }
                Object value = JsonValues.toJava(entry.getValue(), spec == null ? null : spec.type());
                try {
                    // with an unknown key the full list is passed, so the message lists the known ones
                    Parameters.resolve(owner, spec == null ? plugin.parameters() : List.of(spec),
                            Collections.singletonMap(key, value), baseDirectory);
                    given.put(key, value);
                } catch (ParameterException e) {
                    problem(section + "." + key, e.getMessage());
                    valid = false;
                }
            }
            for (ParameterSpec spec : declared.values()) {
                if (spec.type() == ParameterType.PLUGIN && !object.has(spec.name()) && spec.defaultValue() != null) {
                    valid &= nested(owner, section, spec, null, given, nested);
                }
            }
            return valid ? given : null;
        }

        /** Resolves one PLUGIN parameter (null entry: its default); false when it did not resolve. */
        private boolean nested(String owner, String section, ParameterSpec spec, JsonElement entry,
                               Map<String, Object> given, Map<String, ResolvedPlugin<?>> nested) {
            String path = section + "." + spec.name();
            Optional<PluginRole<?>> role = PluginRole.byId(spec.role());
            if (role.isEmpty()) {
                problem(path, owner + ": parameter \"" + spec.name() + "\" names a plugin of the unknown role \""
                        + spec.role() + "\"; roles: " + PluginRole.ALL.stream().map(PluginRole::id)
                        .collect(Collectors.joining(", ")));
                return false;
            }
            ResolvedPlugin<?> child = plugin(role.get(), entry, path, NESTED_SELECTOR, (String) spec.defaultValue());
            if (child == null) return false;
            nested.put(spec.name(), child);
            given.put(spec.name(), new PluginChoice(child.role().id(), child.name(), child.plugin(), child.parameters()));
            return true;
        }

        private void offsetSeeds(Plugin plugin, Map<String, Object> given) {
            for (ParameterSpec spec : plugin.parameters()) {
                if (spec.meaning() != ParameterMeaning.SEED) continue;
                Object seed = given.get(spec.name()) != null ? given.get(spec.name()) : spec.defaultValue();
                if (seed instanceof Long value) given.put(spec.name(), value + repeat);
            }
        }
    }
}

package org.drlp.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drlp.api.ParameterMeaning;
import org.drlp.api.ParameterSpec;
import org.drlp.api.PluginDescription;

/** The shapes of the API's answers, as plain maps (so that NaN and infinities become null, valid JSON). */
final class Json {

    private Json() {
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** The catalogue: every plugin with its parameter declarations, as the Plugins and Compose pages use them. */
    static List<Map<String, Object>> plugins(List<PluginDescription> plugins) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (PluginDescription plugin : plugins) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("role", plugin.role());
            entry.put("name", plugin.name());
            entry.put("description", plugin.description());
            entry.put("bundle", plugin.bundle());
            entry.put("bundleVersion", plugin.bundleVersion());
            List<Map<String, Object>> parameters = new ArrayList<>();
            for (ParameterSpec parameter : plugin.parameters()) {
                parameters.add(parameter(parameter));
            }
            entry.put("parameters", parameters);
            result.add(entry);
        }
        return result;
    }

    private static Map<String, Object> parameter(ParameterSpec parameter) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", parameter.name());
        p.put("type", parameter.type().name().toLowerCase());
        p.put("role", parameter.role());
        p.put("meaning", parameter.meaning() == ParameterMeaning.NONE ? null
                : parameter.meaning().name().toLowerCase().replace('_', '-'));
        p.put("required", parameter.required());
        p.put("optional", parameter.optional());
        p.put("default", parameter.defaultValue() instanceof Double d ? finite(d) : parameter.defaultValue());
        p.put("min", finite(parameter.min()));
        p.put("minExclusive", parameter.minExclusive());
        p.put("max", finite(parameter.max()));
        p.put("maxExclusive", parameter.maxExclusive());
        p.put("choices", parameter.choices());
        p.put("constraint", parameter.constraintText().isEmpty() ? null : parameter.constraintText());
        p.put("description", parameter.description());
        return p;
    }

    static Map<String, Object> run(Experiments.RunState run) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("index", run.index);
        data.put("label", run.label);
        data.put("status", run.status);
        data.put("iteration", run.iteration);
        data.put("objective", finite(run.objective));
        data.put("seconds", run.seconds);
        data.put("regionChanges", run.regionChanges);
        data.put("message", run.message);
        return data;
    }

    /** The experiment without its runs: what the event that says its state changed carries. */
    static Map<String, Object> experimentState(Experiments.Experiment experiment) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", experiment.id);
        data.put("name", experiment.name);
        data.put("spec", experiment.spec);
        data.put("out", experiment.out);
        data.put("state", experiment.state);
        data.put("message", experiment.message);
        data.put("total", experiment.total);
        return data;
    }

    static Map<String, Object> experiment(Experiments.Experiment experiment) {
        Map<String, Object> data = experimentState(experiment);
        data.put("started", experiment.started);
        List<Map<String, Object>> runs = new ArrayList<>();
        synchronized (experiment.runs) {
            experiment.runs.values().forEach(run -> runs.add(run(run)));
        }
        data.put("runs", runs);
        return data;
    }

    static Map<String, Object> error(String message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("error", message);
        return data;
    }
}

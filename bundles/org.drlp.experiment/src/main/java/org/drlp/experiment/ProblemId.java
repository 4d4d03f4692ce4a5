package org.drlp.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.drlp.api.ParameterSpec;
import org.drlp.api.ParameterType;

import com.google.gson.JsonElement;

/**
 * Which problem a run solved, so that runs can be grouped by it whatever else (loss, solver, pivot
 * rule, repeat) varied: the run's swept values under {@code data.} and {@code model.}, written as
 * in the label ({@code data.kind=cauchy data.n=1000}), a file shown by its name without the
 * extension ({@code model.file=afiro} for {@code netlib/afiro.mps}). When nothing there is swept:
 * the data source, else the model, that reads a file, by its name and the file's
 * ({@code csv stackloss}); else the spec's name.
 */
final class ProblemId {

    private static final List<String> PROBLEM_SECTIONS = List.of("data", "model");

    private ProblemId() {
    }

    static String of(RunPlan run, String specName) {
        List<String> swept = new ArrayList<>();
        for (Map.Entry<String, JsonElement> value : run.point().values().entrySet()) {
            String path = value.getKey();
            int dot = path.indexOf('.');
            String section = dot < 0 ? path : path.substring(0, dot);
            if (!PROBLEM_SECTIONS.contains(section) || dot < 0) continue;
            ResolvedPlugin<?> plugin = section.equals("data") ? run.data() : run.model();
            String text = SweepPoint.text(value.getValue());
            boolean file = plugin != null && isPath(plugin, path.substring(section.length() + 1));
            swept.add(path + "=" + (file ? stem(text) : text));
        }
        if (!swept.isEmpty()) return String.join(" ", swept);
        for (ResolvedPlugin<?> plugin : new ResolvedPlugin<?>[] {run.data(), run.model()}) {
            String file = plugin == null ? null : firstFile(plugin);
            if (file != null) return plugin.name() + " " + file;
        }
        return specName;
    }

    private static boolean isPath(ResolvedPlugin<?> plugin, String key) {
        return plugin.plugin().parameters().stream()
                .anyMatch(spec -> spec.name().equals(key) && spec.type() == ParameterType.PATH);
    }

    /** The stem of the plugin's first PATH parameter that has a value, or null. */
    private static String firstFile(ResolvedPlugin<?> plugin) {
        for (ParameterSpec spec : plugin.plugin().parameters()) {
            if (spec.type() == ParameterType.PATH && plugin.parameters().has(spec.name())) {
                return stem(plugin.parameters().path(spec.name()).toString());
            }
        }
        return null;
    }

    /** {@code afiro} for {@code netlib/afiro.mps}; a name without an extension, or a dot file, stays whole. */
    static String stem(String path) {
        String file = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}

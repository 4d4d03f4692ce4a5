package org.drlp.launcher;

import com.google.gson.GsonBuilder;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.drlp.api.ParameterMeaning;
import org.drlp.api.ParameterSpec;
import org.drlp.api.PluginDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every plugin with its parameters, types, defaults and documentation.")
final class PluginsCommand implements Callable<Integer> {

    @Mixin
    WorkbenchOptions workbench;

    @Option(names = "--json", description = "Print the catalogue as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws LaunchException {
        List<PluginDescription> plugins;
        try (Workbench running = workbench.start()) {
            plugins = running.plugins().plugins();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(asJson(plugins)));
        } else {
            print(plugins, out);
        }
        return Main.OK;
    }

    /** Plain maps, so that unset bounds (NaN) become null rather than invalid JSON. */
    private static List<Map<String, Object>> asJson(List<PluginDescription> plugins) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (PluginDescription plugin : plugins) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("role", plugin.role());
            entry.put("name", plugin.name());
            entry.put("description", plugin.description());
            entry.put("bundle", plugin.bundle() + " " + plugin.bundleVersion());
            List<Map<String, Object>> parameters = new ArrayList<>();
            for (ParameterSpec parameter : plugin.parameters()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", parameter.name());
                p.put("type", parameter.type().name().toLowerCase());
                if (parameter.role() != null) p.put("role", parameter.role());
                if (parameter.meaning() != ParameterMeaning.NONE) {
                    p.put("meaning", parameter.meaning().name().toLowerCase().replace('_', '-'));
                }
                p.put("required", parameter.required());
                p.put("default", parameter.defaultValue());
                p.put("constraint", parameter.constraintText().isEmpty() ? null : parameter.constraintText());
                p.put("description", parameter.description());
                parameters.add(p);
            }
            entry.put("parameters", parameters);
            result.add(entry);
        }
        return result;
    }

    private static void print(List<PluginDescription> plugins, PrintWriter out) {
        String role = null;
        for (PluginDescription plugin : plugins) {
            if (!plugin.role().equals(role)) {
                role = plugin.role();
                out.println();
                out.println(role + ":");
            }
            out.printf("  %-22s %s  [%s %s]%n", plugin.name(), plugin.description(), plugin.bundle(), plugin.bundleVersion());
            for (ParameterSpec parameter : plugin.parameters()) {
                String value = parameter.required() ? "required"
                        : parameter.defaultValue() == null ? "optional" : "default " + parameter.defaultValue();
                String constraint = parameter.constraintText();
                out.printf("      %-18s %-12s %-16s %s%s%n", parameter.name(), typeText(parameter),
                        value, parameter.description(), constraint.isEmpty() ? "" : " (" + constraint + ")");
            }
        }
    }

    /**
     * The type as a listing shows it: a nested plugin by the role it expects ({@code plugin:pivot}),
     * a seed or time limit by its meaning ({@code integer:seed}).
     */
    private static String typeText(ParameterSpec parameter) {
        String type = parameter.type().name().toLowerCase();
        if (parameter.role() != null) return type + ":" + parameter.role();
        if (parameter.meaning() != ParameterMeaning.NONE) {
            return type + ":" + parameter.meaning().name().toLowerCase().replace('_', '-');
        }
        return type;
    }
}

package org.drlp.experiment;

import java.util.Map;
import java.util.function.Consumer;

import org.drlp.api.ParameterSpec;
import org.drlp.api.ParameterType;
import org.drlp.api.Parameters;
import org.drlp.spi.Plugin;
import org.drlp.spi.PluginRole;

import com.google.gson.JsonObject;

/**
 * A plugin chosen by name with its validated parameters (defaults filled in), and the plugins its
 * PLUGIN parameters chose, resolved the same way.
 *
 * @param section   where its parameters are written in the spec, for example {@code solver.pivot}
 * @param namePath  where its name is written: {@code solver.pivot} for a name alone, else
 *                  {@code solver.pivot.type}
 * @param origin    the bundle that provided the plugin when the run was planned, for the record
 * @param nested    parameter name to the plugin it chose, in declaration order
 */
record ResolvedPlugin<P extends Plugin>(P plugin, PluginRole<P> role, String name, Parameters parameters,
                                        String section, String namePath, PluginOrigin origin,
                                        Map<String, ResolvedPlugin<?>> nested) {

    ResolvedPlugin {
        nested = Map.copyOf(nested);
    }

    /** How messages name it, for example {@code pivot rule "dantzig"}. */
    String owner() {
        return role.owner(name);
    }

    /** This plugin, then every nested one, depth first in declaration order. */
    void forEach(Consumer<ResolvedPlugin<?>> action) {
        action.accept(this);
        for (ParameterSpec spec : plugin.parameters()) {
            ResolvedPlugin<?> child = nested.get(spec.name());
            if (child != null) child.forEach(action);
        }
    }

    /**
     * The resolved configuration as results.json records it: the plugin name under the spec's
     * selector key, then every parameter, a nested plugin as {"type": name, ...}; paths resolved
     * against the spec's folder.
     */
    JsonObject toJson(String selectorKey) {
        JsonObject json = new JsonObject();
        json.addProperty(selectorKey, name);
        for (ParameterSpec spec : plugin.parameters()) {
            String key = spec.name();
            if (nested.containsKey(key)) {
                json.add(key, nested.get(key).toJson("type"));
            } else if (spec.type() == ParameterType.PATH && parameters.has(key)) {
                json.addProperty(key, parameters.path(key).toAbsolutePath().toString());
            } else if (parameters.has(key)) {
                json.add(key, JsonValues.toJson(parameters.asMap().get(key)));
            }
        }
        return json;
    }
}

package org.drlp.experiment;

import org.drlp.api.ParameterSpec;
import org.drlp.api.ParameterType;
import org.drlp.api.Parameters;
import org.drlp.spi.Plugin;

import com.google.gson.JsonObject;

/**
 * A plugin chosen by name with its validated parameters (defaults filled in).
 *
 * @param origin  the bundle that provided the plugin when the run was planned, for the record
 */
record ResolvedPlugin<P extends Plugin>(P plugin, String name, Parameters parameters, PluginOrigin origin) {

    /**
     * The resolved configuration as results.json records it: the plugin name under the spec's
     * selector key, then every parameter; paths resolved against the spec's folder.
     */
    JsonObject toJson(String selectorKey) {
        JsonObject json = new JsonObject();
        json.addProperty(selectorKey, name);
        parameters.asMap().forEach((key, value) -> json.add(key, JsonValues.toJson(value)));
        for (ParameterSpec spec : plugin.parameters()) {
            if (spec.type() == ParameterType.PATH && parameters.has(spec.name())) {
                json.addProperty(spec.name(), parameters.path(spec.name()).toAbsolutePath().toString());
            }
        }
        return json;
    }
}

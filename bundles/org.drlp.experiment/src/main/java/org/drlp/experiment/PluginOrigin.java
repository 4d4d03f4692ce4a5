package org.drlp.experiment;

import com.google.gson.JsonObject;

/** Which bundle, at which version, provided a plugin: what results.json records for reproducing a run. */
record PluginOrigin(String bundle, String version) {

    static final PluginOrigin UNKNOWN = new PluginOrigin("", "");

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("bundle", bundle);
        json.addProperty("version", version);
        return json;
    }
}

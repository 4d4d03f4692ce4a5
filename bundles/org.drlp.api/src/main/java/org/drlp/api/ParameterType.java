package org.drlp.api;

/** The JSON shapes a plugin parameter may take. */
public enum ParameterType {
    REAL, INTEGER, BOOLEAN, STRING, PATH, REAL_LIST, INTEGER_LIST, STRING_LIST,
    /**
     * A plugin of the role {@link ParameterSpec#role()}: a name, or an object with the name under
     * {@code "type"} and the plugin's own parameters; its value is a {@link PluginChoice}.
     */
    PLUGIN
}

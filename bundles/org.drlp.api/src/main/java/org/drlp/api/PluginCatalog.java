package org.drlp.api;

import java.util.List;

/** Every plugin currently registered, by role and name. */
public interface PluginCatalog {

    /** All plugins, sorted by role then name. */
    List<PluginDescription> plugins();
}

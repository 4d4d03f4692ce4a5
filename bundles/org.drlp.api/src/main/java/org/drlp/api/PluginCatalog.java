package org.drlp.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Every plugin currently registered, by role and name. */
@ProviderType // implemented by the workbench only
public interface PluginCatalog {

    /** All plugins, sorted by role then name. */
    List<PluginDescription> plugins();
}

package org.drlp.experiment;

import java.util.Optional;

import org.drlp.spi.Plugin;
import org.drlp.spi.PluginRole;

/**
 * Finding plugins by role and name, for this bundle's experiment service: the registry's service
 * interface inside the bundle (the package is private), so that the service needs no cast of the
 * public {@link org.drlp.api.PluginCatalog}.
 */
interface PluginLookup {

    /** The plugin of this role and name; among several, the one OSGi would prefer (ranking, then age). */
    <P extends Plugin> Optional<P> find(PluginRole<P> role, String name);

    /** The bundle that registered {@code plugin}; {@link PluginOrigin#UNKNOWN} once it has gone away. */
    PluginOrigin origin(Plugin plugin);

    /** The names registered for a role, for example {@code available: bland, dantzig}. */
    String availableText(PluginRole<?> role);

    /** Why a name did not resolve, for example {@code unknown pivot rule "dantzg"; available: bland, dantzig}. */
    default String unknownMessage(PluginRole<?> role, String name) {
        return "unknown " + role.noun() + " \"" + name + "\"; " + availableText(role);
    }
}

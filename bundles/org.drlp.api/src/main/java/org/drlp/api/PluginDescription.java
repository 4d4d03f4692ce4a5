package org.drlp.api;

import java.util.List;

/**
 * One plugin as the catalogue lists it.
 *
 * @param role           {@code model}, {@code loss}, {@code pivot}, {@code data} or {@code method}
 * @param bundle         symbolic name of the bundle that registered it
 * @param bundleVersion  that bundle's version
 */
public record PluginDescription(String role, String name, String description, List<ParameterSpec> parameters,
                                String bundle, String bundleVersion) {
    public PluginDescription {
        parameters = List.copyOf(parameters);
    }
}

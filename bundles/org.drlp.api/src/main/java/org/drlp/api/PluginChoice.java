package org.drlp.api;

import java.util.Objects;

/**
 * The value of a {@link ParameterType#PLUGIN} parameter: the plugin chosen by name, found in the
 * catalogue when the run was planned, with its own validated parameters. A method creates its
 * strategy from it, for example
 * {@code choice.provider(PivotRuleProvider.class).create(choice.parameters())}.
 */
public final class PluginChoice {

    private final String role;
    private final String name;
    private final Object provider;
    private final Parameters parameters;

    /**
     * @param role      the role id, for example {@code pivot}
     * @param provider  the plugin registered under that role and name
     */
    public PluginChoice(String role, String name, Object provider, Parameters parameters) {
        this.role = Objects.requireNonNull(role, "role");
        this.name = Objects.requireNonNull(name, "name");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public String role() {
        return role;
    }

    public String name() {
        return name;
    }

    /** The plugin's own parameters, defaults filled in. */
    public Parameters parameters() {
        return parameters;
    }

    /**
     * The plugin as the role's provider interface.
     *
     * @throws IllegalStateException when the plugin is not one; a role's declaration and its type
     *                               disagree only through a programming error
     */
    public <T> T provider(Class<T> type) {
        if (!type.isInstance(provider)) {
            throw new IllegalStateException(role + " \"" + name + "\" is a " + provider.getClass().getName()
                    + ", not a " + type.getName());
        }
        return type.cast(provider);
    }

    /** Equal choices: the same plugin object under the same role and name, with equal parameter values. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PluginChoice that && role.equals(that.role) && name.equals(that.name)
                && provider == that.provider && parameters.asMap().equals(that.parameters.asMap());
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, name, System.identityHashCode(provider), parameters.asMap());
    }

    /** As a spec writes it: the name alone, or the name with the parameters that differ from nothing. */
    @Override
    public String toString() {
        return parameters.asMap().isEmpty() ? name : name + " " + parameters.asMap();
    }
}

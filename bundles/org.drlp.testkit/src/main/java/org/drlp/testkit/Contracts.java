package org.drlp.testkit;

import java.util.Map;

import org.drlp.api.Parameters;
import org.drlp.spi.Plugin;
import org.drlp.spi.PluginRole;
import org.junit.jupiter.api.Assertions;
import org.opentest4j.AssertionFailedError;

/** What every role's contract shares: the plugin's declarations, its parameters, and failing with a message. */
final class Contracts {

    private Contracts() {
    }

    /** Name and description as listings show them: a name without spaces, a description on one line. */
    static void checkDeclarations(PluginRole<?> role, Plugin plugin) {
        String name = plugin.name();
        if (name == null || name.isBlank() || !name.equals(name.strip()) || name.contains(" ")) {
            fail(role.noun() + " " + plugin.getClass().getName() + ": name \"" + name
                    + "\" must be non-blank and without spaces (a spec names the plugin by it)");
        }
        String description = plugin.description();
        if (description == null || description.isBlank() || description.contains("\n")) {
            fail(role.owner(name) + ": description must be one non-blank line, got \"" + description + "\"");
        }
        if (plugin.parameters() == null) fail(role.owner(name) + ": parameters() returned null; use List.of()");
    }

    /** The plugin's parameters as a spec with {@code given} would give them. */
    static Parameters parameters(PluginRole<?> role, Plugin plugin, Map<String, ?> given) {
        return Parameters.resolve(role.owner(plugin.name()), plugin.parameters(), given, null);
    }

    static void fail(String message) {
        Assertions.fail(message);
    }

    /** A failure caused by what the plugin threw, to be thrown by the caller. */
    static AssertionFailedError failure(String message, Throwable cause) {
        return new AssertionFailedError(message, cause);
    }

    /** Close in a relative-and-absolute sense: |a - b| <= tol (1 + max(|a|, |b|)). */
    static boolean close(double a, double b, double tolerance) {
        return Math.abs(a - b) <= tolerance * (1 + Math.max(Math.abs(a), Math.abs(b)));
    }
}

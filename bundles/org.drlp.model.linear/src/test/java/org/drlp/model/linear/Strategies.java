package org.drlp.model.linear;

import java.util.Map;

import org.drlp.api.PluginChoice;
import org.drlp.api.SolverOptions;
import org.drlp.kernel.ShippedStrategies;

/** The walk's shipped strategies as the tests choose them. */
final class Strategies {

    private Strategies() {
    }

    static PluginChoice choice(String role, String name, Map<String, ?> parameters) {
        return ShippedStrategies.choice(role, name, parameters);
    }

    /** The presolve as the tests name its settings: auto (the default), on (forced at every size), off. */
    static PluginChoice presolve(String mode) {
        return switch (mode) {
            case "auto" -> choice("presolve", "portnoy-koenker", Map.of());
            case "on" -> choice("presolve", "portnoy-koenker", Map.of("minRows", 0L, "force", true));
            case "off" -> choice("presolve", "none", Map.of());
            default -> throw new IllegalArgumentException(mode);
        };
    }

    /** With pass-through the default line search (auto), without it Harris' stop at the first breakpoint. */
    static SolverOptions passThrough(SolverOptions options, boolean passThrough) {
        return options.withStrategy(choice("lineSearch", passThrough ? "auto" : "harris", Map.of()));
    }

    static SolverOptions refactorEvery(SolverOptions options, long pivots) {
        return options.withStrategy(choice("refactor", "every", Map.of("pivots", pivots)));
    }
}

package org.drlp.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of the vertex walk for programmatic callers.
 *
 * @param maxIterations     pivots (steps and region changes) before ITERATION_LIMIT
 * @param timeLimitSeconds  wall-clock limit before TIME_LIMIT; non-positive means none
 * @param tolerance         relative zero tolerance for preactivations, slopes and pivots
 * @param strategies        the walk's strategies by role id ({@code lineSearch}, {@code antiCycling},
 *                          {@code start}, {@code presolve}, {@code refactor}); a role left out takes the
 *                          kernel's default, so the empty map gives the defaults of the spec's
 *                          {@code vertex-walk}
 * @since 2.0
 */
public record SolverOptions(long maxIterations, double timeLimitSeconds, double tolerance,
                            Map<String, PluginChoice> strategies) {

    public SolverOptions {
        if (maxIterations < 0) throw new IllegalArgumentException("maxIterations must be >= 0");
        if (!(tolerance > 0 && tolerance < 1e-2)) throw new IllegalArgumentException("tolerance must be in (0, 1e-2)");
        strategies = Map.copyOf(strategies);
    }

    public static SolverOptions defaults() {
        return new SolverOptions(10_000_000L, 0, 1e-10, Map.of());
    }

    public SolverOptions withMaxIterations(long value) {
        return new SolverOptions(value, timeLimitSeconds, tolerance, strategies);
    }

    public SolverOptions withTimeLimitSeconds(double value) {
        return new SolverOptions(maxIterations, value, tolerance, strategies);
    }

    public SolverOptions withTolerance(double value) {
        return new SolverOptions(maxIterations, timeLimitSeconds, value, strategies);
    }

    /** With {@code choice} as the strategy of its role ({@link PluginChoice#role()}). */
    public SolverOptions withStrategy(PluginChoice choice) {
        Map<String, PluginChoice> changed = new LinkedHashMap<>(strategies);
        changed.put(choice.role(), choice);
        return new SolverOptions(maxIterations, timeLimitSeconds, tolerance, changed);
    }

    /** The strategy chosen for the role, or null for the kernel's default. */
    public PluginChoice strategy(String role) {
        return strategies.get(role);
    }
}

package org.drlp.kernel;

import java.util.List;
import java.util.Map;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.PluginChoice;
import org.drlp.kernel.degeneracy.BlandAfter;
import org.drlp.kernel.degeneracy.NoRule;
import org.drlp.kernel.degeneracy.RandomAfter;
import org.drlp.kernel.linesearch.Auto;
import org.drlp.kernel.linesearch.Crossing;
import org.drlp.kernel.linesearch.Harris;
import org.drlp.kernel.linesearch.WeightedMedian;
import org.drlp.kernel.presolve.NoPresolve;
import org.drlp.kernel.presolve.PortnoyKoenker;
import org.drlp.kernel.refactor.Adaptive;
import org.drlp.kernel.refactor.Every;
import org.drlp.kernel.start.GivenPoint;
import org.drlp.kernel.start.PhaseOne;
import org.drlp.spi.Plugin;
import org.drlp.spi.PluginRole;

/**
 * The strategies of the walk that the kernel ships, by role, and each role's default: what a
 * {@link org.drlp.api.SolverOptions} that names no strategy for a role gets, and what programmatic
 * callers (and tests) can choose from without a catalogue.
 */
public final class ShippedStrategies {

    /** Defaults by role id: today's behaviour of the walk. */
    public static final Map<String, String> DEFAULTS = Map.of(
            PluginRole.LINE_SEARCH.id(), Auto.NAME,
            PluginRole.ANTI_CYCLING.id(), BlandAfter.NAME,
            PluginRole.START.id(), PhaseOne.NAME,
            PluginRole.PRESOLVE.id(), PortnoyKoenker.NAME,
            PluginRole.REFACTOR.id(), Every.NAME);

    private static final Map<String, List<Plugin>> SHIPPED = Map.of(
            PluginRole.LINE_SEARCH.id(), List.of(new Auto(), new Harris(), new WeightedMedian(), new Crossing()),
            PluginRole.ANTI_CYCLING.id(), List.of(new BlandAfter(), new RandomAfter(), new NoRule()),
            PluginRole.START.id(), List.of(new PhaseOne(), new GivenPoint()),
            PluginRole.PRESOLVE.id(), List.of(new PortnoyKoenker(), new NoPresolve()),
            PluginRole.REFACTOR.id(), List.of(new Every(), new Adaptive()));

    private ShippedStrategies() {
    }

    /** The roles of the walk's strategies, in the order the solver declares them. */
    public static final List<PluginRole<?>> ROLES = List.of(PluginRole.LINE_SEARCH, PluginRole.ANTI_CYCLING,
            PluginRole.START, PluginRole.PRESOLVE, PluginRole.REFACTOR);

    /** The shipped strategies of a role (the instances the kernel's components register are others). */
    public static List<Plugin> plugins(PluginRole<?> role) {
        return SHIPPED.getOrDefault(role.id(), List.of());
    }

    /** The default of a role with its default parameters. */
    public static PluginChoice defaultOf(String role) {
        return choice(role, DEFAULTS.get(role), Map.of());
    }

    /**
     * A shipped strategy with the given parameters (the others at their defaults).
     *
     * @throws IllegalArgumentException for an unknown role or name, listing what there is
     */
    public static PluginChoice choice(String role, String name, Map<String, ?> parameters) {
        List<Plugin> plugins = SHIPPED.get(role);
        if (plugins == null) throw new IllegalArgumentException("no role \"" + role + "\"; the walk's are " + DEFAULTS.keySet());
        for (Plugin plugin : plugins) {
            if (plugin.name().equals(name)) {
                List<ParameterSpec> specs = plugin.parameters();
                return new PluginChoice(role, name, plugin, Parameters.resolve(role + " \"" + name + "\"", specs, parameters,
                        null));
            }
        }
        throw new IllegalArgumentException("no " + role + " \"" + name + "\"; there are "
                + plugins.stream().map(Plugin::name).toList());
    }
}

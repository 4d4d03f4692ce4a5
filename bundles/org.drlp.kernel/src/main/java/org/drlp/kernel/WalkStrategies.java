package org.drlp.kernel;

import org.drlp.api.PluginChoice;
import org.drlp.api.SolverOptions;
import org.drlp.spi.DegeneracyRule;
import org.drlp.spi.DegeneracyRuleProvider;
import org.drlp.spi.LineSearch;
import org.drlp.spi.LineSearchProvider;
import org.drlp.spi.PluginRole;
import org.drlp.spi.PresolveProvider;
import org.drlp.spi.Presolver;
import org.drlp.spi.RefactorPolicy;
import org.drlp.spi.RefactorPolicyProvider;
import org.drlp.spi.StartProvider;
import org.drlp.spi.StartStrategy;

/**
 * The strategies of one walk, created fresh from the solve's choices (a presolve runs several
 * walks, each with its own), with how messages name each of them.
 */
final class WalkStrategies {

    final LineSearch lineSearch;
    final String lineSearchName;
    final DegeneracyRule antiCycling;
    final String antiCyclingName;
    final RefactorPolicy refactor;
    final String refactorName;

    private WalkStrategies(SolverOptions options) {
        PluginChoice line = choice(options, PluginRole.LINE_SEARCH);
        lineSearchName = PluginRole.LINE_SEARCH.owner(line.name());
        lineSearch = create(lineSearchName, () -> line.provider(LineSearchProvider.class).create(line.parameters()));
        PluginChoice rule = choice(options, PluginRole.ANTI_CYCLING);
        antiCyclingName = PluginRole.ANTI_CYCLING.owner(rule.name());
        antiCycling = create(antiCyclingName,
                () -> rule.provider(DegeneracyRuleProvider.class).create(rule.parameters()));
        PluginChoice policy = choice(options, PluginRole.REFACTOR);
        refactorName = PluginRole.REFACTOR.owner(policy.name());
        refactor = create(refactorName, () -> policy.provider(RefactorPolicyProvider.class).create(policy.parameters()));
    }

    /** Fresh strategies for one walk. @throws StrategyFault naming a strategy that could not be made */
    static WalkStrategies of(SolverOptions options) {
        return new WalkStrategies(options);
    }

    /** The start strategy of a solve. */
    static StartStrategy start(SolverOptions options) {
        PluginChoice start = choice(options, PluginRole.START);
        return create(owner(start), () -> start.provider(StartProvider.class).create(start.parameters()));
    }

    /** The presolve of a solve. */
    static Presolver presolve(SolverOptions options) {
        PluginChoice presolve = choice(options, PluginRole.PRESOLVE);
        return create(owner(presolve), () -> presolve.provider(PresolveProvider.class).create(presolve.parameters()));
    }

    /** How messages name the strategy chosen for a role. */
    static String owner(SolverOptions options, PluginRole<?> role) {
        return owner(choice(options, role));
    }

    private static String owner(PluginChoice choice) {
        return PluginRole.byId(choice.role()).map(role -> role.owner(choice.name())).orElse(choice.toString());
    }

    static PluginChoice choice(SolverOptions options, PluginRole<?> role) {
        PluginChoice chosen = options.strategy(role.id());
        return chosen != null ? chosen : ShippedStrategies.defaultOf(role.id());
    }

    private static <T> T create(String owner, java.util.function.Supplier<T> factory) {
        T made;
        try {
            made = factory.get();
        } catch (RuntimeException | StackOverflowError e) {
            throw new StrategyFault(owner + " could not be created: " + StrategyFault.describe(e));
        }
        if (made == null) throw new StrategyFault(owner + " created nothing");
        return made;
    }

    /** A strategy that failed; ends the solve FAILED with the message, which names the strategy. */
    static final class StrategyFault extends RuntimeException {
        StrategyFault(String message) {
            super(message, null, false, false);
        }

        static String describe(Throwable e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}

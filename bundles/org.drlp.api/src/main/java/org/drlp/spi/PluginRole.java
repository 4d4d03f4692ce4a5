package org.drlp.spi;

import java.util.List;
import java.util.Optional;

/**
 * A kind of plugin: the provider interface its services are registered under, the id a catalogue
 * and a {@link org.drlp.api.ParameterType#PLUGIN} parameter name it by, and the word for it in
 * messages. The experiment service tracks every role of {@link #ALL} the same way, so a new role
 * is one constant here and its provider interface.
 */
public final class PluginRole<P extends Plugin> {

    public static final PluginRole<DataSourceProvider> DATA =
            new PluginRole<>("data", "data source", DataSourceProvider.class);
    public static final PluginRole<ModelProvider> MODEL = new PluginRole<>("model", "model", ModelProvider.class);
    public static final PluginRole<LossProvider> LOSS = new PluginRole<>("loss", "loss", LossProvider.class);
    public static final PluginRole<SolverMethod> METHOD =
            new PluginRole<>("method", "solver method", SolverMethod.class);
    public static final PluginRole<PivotRuleProvider> PIVOT =
            new PluginRole<>("pivot", "pivot rule", PivotRuleProvider.class);
    /** The vertex walk's line search (the spec's {@code solver.lineSearch}). */
    public static final PluginRole<LineSearchProvider> LINE_SEARCH =
            new PluginRole<>("lineSearch", "line search", LineSearchProvider.class);
    /** The vertex walk's anti-cycling rule (the spec's {@code solver.antiCycling}). */
    public static final PluginRole<DegeneracyRuleProvider> ANTI_CYCLING =
            new PluginRole<>("antiCycling", "anti-cycling rule", DegeneracyRuleProvider.class);
    /** Where the vertex walk starts (the spec's {@code solver.start}). */
    public static final PluginRole<StartProvider> START = new PluginRole<>("start", "start", StartProvider.class);
    /** The vertex walk's presolve (the spec's {@code solver.presolve}). */
    public static final PluginRole<PresolveProvider> PRESOLVE =
            new PluginRole<>("presolve", "presolve", PresolveProvider.class);
    /** When the vertex walk refactors (the spec's {@code solver.refactor}). */
    public static final PluginRole<RefactorPolicyProvider> REFACTOR =
            new PluginRole<>("refactor", "refactorisation policy", RefactorPolicyProvider.class);

    /** Every role, in the order listings show them. */
    public static final List<PluginRole<?>> ALL =
            List.of(DATA, MODEL, LOSS, METHOD, PIVOT, LINE_SEARCH, ANTI_CYCLING, START, PRESOLVE, REFACTOR);

    private final String id;
    private final String noun;
    private final Class<P> type;

    private PluginRole(String id, String noun, Class<P> type) {
        this.id = id;
        this.noun = noun;
        this.type = type;
    }

    /** The role with this id, if there is one. */
    public static Optional<PluginRole<?>> byId(String id) {
        return ALL.stream().filter(role -> role.id.equals(id)).findFirst();
    }

    /** How catalogues and {@link org.drlp.api.ParameterSpec#role()} name the role, for example {@code pivot}. */
    public String id() {
        return id;
    }

    /** The role in words, for example {@code pivot rule}. */
    public String noun() {
        return noun;
    }

    /** The provider interface its plugins are registered under. */
    public Class<P> type() {
        return type;
    }

    /** How a message names one plugin of this role, for example {@code pivot rule "dantzig"}. */
    public String owner(String name) {
        return noun + " \"" + name + "\"";
    }

    @Override
    public String toString() {
        return id;
    }
}

package org.drlp.experiment;

import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.LossProvider;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.PivotRuleProvider;
import org.drlp.spi.Plugin;
import org.drlp.spi.SolverMethod;

/**
 * A kind of plugin a spec names, with the word used for it in messages. A class rather than an
 * enum so that a lookup by role is typed by the role's provider interface.
 */
final class PluginRole<P extends Plugin> {

    static final PluginRole<ModelProvider> MODEL = new PluginRole<>("model", "model", ModelProvider.class);
    static final PluginRole<LossProvider> LOSS = new PluginRole<>("loss", "loss", LossProvider.class);
    static final PluginRole<PivotRuleProvider> PIVOT = new PluginRole<>("pivot", "pivot rule", PivotRuleProvider.class);
    static final PluginRole<DataSourceProvider> DATA =
            new PluginRole<>("data", "data source", DataSourceProvider.class);
    static final PluginRole<SolverMethod> METHOD = new PluginRole<>("method", "solver method", SolverMethod.class);

    private final String id;
    private final String noun;
    private final Class<P> type;

    private PluginRole(String id, String noun, Class<P> type) {
        this.id = id;
        this.noun = noun;
        this.type = type;
    }

    /** The role as the catalogue names it: model, loss, pivot, data or method. */
    String id() {
        return id;
    }

    /** The role in words, for example {@code pivot rule}. */
    String noun() {
        return noun;
    }

    /** How a message names one plugin of this role, for example {@code pivot rule "dantzig"}. */
    String owner(String name) {
        return noun + " \"" + name + "\"";
    }

    P cast(Plugin plugin) {
        return type.cast(plugin);
    }

    @Override
    public String toString() {
        return id;
    }
}

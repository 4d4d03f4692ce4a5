package org.drlp.spi;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.PluginChoice;
import org.osgi.annotation.versioning.ConsumerType;

/** Registers a pivot rule by name; creates a fresh rule for each solve. */
@ConsumerType // implemented by plugins
public interface PivotRuleProvider extends Plugin {

    PivotRule create(Parameters parameters);

    /**
     * The value of a method's {@code pivot} parameter that hands it this very rule, for a caller
     * that solves programmatically rather than through the catalogue (a test, a method composing
     * others). The rule is handed to every solve it is used for, so use it for one at a time.
     */
    static PluginChoice given(PivotRule rule) {
        PivotRuleProvider provider = new PivotRuleProvider() {
            @Override
            public String name() {
                return "given";
            }

            @Override
            public String description() {
                return "a rule the caller gives";
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of();
            }

            @Override
            public PivotRule create(Parameters parameters) {
                return rule;
            }
        };
        return new PluginChoice(PluginRole.PIVOT.id(), provider.name(), provider,
                Parameters.defaults(PluginRole.PIVOT.owner(provider.name()), List.of()));
    }
}

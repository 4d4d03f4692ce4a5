package org.drlp.pivot;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The pivot rule {@code bland}: the improving edge that releases the neuron with the smallest index.
 * A fixed order on the neurons is what makes Bland's rule provably end degenerate cycles.
 */
@Component(service = PivotRuleProvider.class, property = "name=" + BlandRule.NAME)
public final class BlandRule implements PivotRuleProvider {

    static final String NAME = "bland";

    /** Stateless, so one instance serves every solve. */
    private static final PivotRule RULE = BlandRule::choose;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "improving edge of the smallest neuron index (free directions first); never cycles, often slow";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public PivotRule create(Parameters parameters) {
        return RULE;
    }

    static int choose(EdgeView edges) {
        int best = -1, bestNeuron = 0;
        for (int e = 0; e < edges.size(); e++) {
            if (!edges.improving(e)) continue;
            int neuron = edges.neuron(e);
            // a free direction (neuron -1) carries no index; the first by position is taken at once
            if (neuron < 0) return e;
            if (best < 0 || neuron < bestNeuron) {
                best = e;
                bestNeuron = neuron;
            }
        }
        return best;
    }
}

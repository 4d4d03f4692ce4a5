package org.drlp.kernel.degeneracy;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.BlockingTies;
import org.drlp.spi.DegeneracyRule;
import org.drlp.spi.DegeneracyRuleProvider;
import org.drlp.spi.DegeneracyView;
import org.drlp.spi.EdgeView;
import org.osgi.service.component.annotations.Component;

/**
 * Anti-cycling rule {@code bland-after}, the default: after {@code zeroSteps} consecutive
 * zero-length pivots (a stall) the walk first gives the neurons at their kink balanced sides
 * ({@link DegeneracyView#rebalanceKinks}, cheap, and often the end of the stall); if it stays
 * stalled, Bland's rule takes over (the improving edge of the smallest neuron index, the smallest
 * index among the ratio test's ties), which provably leaves a degenerate vertex, until a pivot
 * makes progress again.
 */
@Component(service = DegeneracyRuleProvider.class, property = "name=" + BlandAfter.NAME)
public final class BlandAfter implements DegeneracyRuleProvider {

    public static final String NAME = "bland-after";
    public static final long DEFAULT_ZERO_STEPS = 50;

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("zeroSteps", DEFAULT_ZERO_STEPS,
                    "consecutive zero-length pivots that make a stall")
                    .withRange(1, false, Integer.MAX_VALUE, false));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "after zeroSteps zero-length pivots re-side the neurons at their kink, then Bland's smallest-index rule";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public DegeneracyRule create(Parameters parameters) {
        return new Rule(parameters.intValue("zeroSteps"));
    }

    private static final class Rule extends StallWatch {

        Rule(int limit) {
            super(limit);
        }

        @Override
        public int chooseEdge(EdgeView edges) {
            int best = -1;
            for (int e = 0; e < edges.size(); e++) {
                if (edges.improving(e) && (best < 0 || edges.neuron(e) < edges.neuron(best))) best = e;
            }
            return best;
        }

        @Override
        public int chooseBlocking(BlockingTies ties) {
            return 0;
        }
    }
}

package org.drlp.pivot;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.osgi.service.component.annotations.Component;

/** The pivot rule {@code steepest-edge}: the most negative slope per unit length of the edge direction. */
@Component(service = PivotRuleProvider.class, property = "name=" + SteepestEdgeRule.NAME)
public final class SteepestEdgeRule implements PivotRuleProvider {

    static final String NAME = "steepest-edge";

    /** Stateless, so one instance serves every solve. */
    private static final PivotRule RULE = SteepestEdgeRule::choose;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "most negative slope / |edge direction| (scale-invariant); ties to the lowest edge index";
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
        int best = -1;
        double bestScore = 0;
        for (int e = 0; e < edges.size(); e++) {
            // normSquared is computed on demand: ask only for the edges that can be chosen
            if (!edges.improving(e)) continue;
            double score = edges.slope(e) / Math.sqrt(edges.normSquared(e));
            if (best < 0 || score < bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return best;
    }
}

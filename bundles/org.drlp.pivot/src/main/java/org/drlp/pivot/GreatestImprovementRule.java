package org.drlp.pivot;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.osgi.service.component.annotations.Component;

/** The pivot rule {@code greatest-improvement}: the edge whose exact line search lowers f the most. */
@Component(service = PivotRuleProvider.class, property = "name=" + GreatestImprovementRule.NAME)
public final class GreatestImprovementRule implements PivotRuleProvider {

    static final String NAME = "greatest-improvement";

    /** Stateless, so one instance serves every solve. */
    private static final PivotRule RULE = GreatestImprovementRule::choose;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "largest objective decrease by exact line search along the edge; ties to the more negative slope";
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
        double bestImprovement = 0, bestSlope = 0;
        for (int e = 0; e < edges.size(); e++) {
            // the line search is costly and computed on demand: run it only on improving edges
            if (!edges.improving(e)) continue;
            double improvement = edges.improvement(e), slope = edges.slope(e);
            // degenerate vertices give many zero improvements; the slope then still prefers a good edge
            if (best < 0 || improvement > bestImprovement
                    || (improvement == bestImprovement && slope < bestSlope)) {
                best = e;
                bestImprovement = improvement;
                bestSlope = slope;
            }
        }
        return best;
    }
}

package org.example.drlp.bestofk;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The pivot rule {@code best-of-k}: among the k improving edges with the most negative slopes, the
 * one whose exact line search lowers the objective the most. The slope is free, the line search is
 * not: this prices k line searches per pivot instead of all 2n (greatest-improvement), and usually
 * takes fewer pivots than the slope alone (dantzig).
 */
@Component(service = PivotRuleProvider.class, property = "name=" + BestOfKRule.NAME)
public final class BestOfKRule implements PivotRuleProvider {

    static final String NAME = "best-of-k";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("k", 8L, "candidates by most negative slope whose exact improvement is priced")
                    .withRange(1, false, Double.NaN, false));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "greatest exact improvement among the k most negative slopes; between dantzig and greatest-improvement";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public PivotRule create(Parameters parameters) {
        int k = (int) Math.min(Integer.MAX_VALUE, parameters.integer("k"));
        return edges -> choose(edges, k);
    }

    static int choose(EdgeView edges, int k) {
        int[] candidates = SteepestSlopes.of(edges, k);
        int best = -1;
        double bestImprovement = 0, bestSlope = 0;
        for (int e : candidates) {
            double improvement = edges.improvement(e), slope = edges.slope(e);
            // at a degenerate vertex many improvements are zero: the slope still prefers a good edge
            if (best < 0 || improvement > bestImprovement || (improvement == bestImprovement && slope < bestSlope)) {
                best = e;
                bestImprovement = improvement;
                bestSlope = slope;
            }
        }
        return best;
    }
}

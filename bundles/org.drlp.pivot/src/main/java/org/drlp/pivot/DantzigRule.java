package org.drlp.pivot;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.osgi.service.component.annotations.Component;

/** The pivot rule {@code dantzig}: the most negative slope (Barrodale-Roberts' largest marginal cost). */
@Component(service = PivotRuleProvider.class, property = "name=" + DantzigRule.NAME)
public final class DantzigRule implements PivotRuleProvider {

    static final String NAME = "dantzig";

    /** Stateless, so one instance serves every solve. */
    private static final PivotRule RULE = DantzigRule::choose;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "most negative edge slope; ties to the lowest edge index";
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
        double bestSlope = 0;
        for (int e = 0; e < edges.size(); e++) {
            if (!edges.improving(e)) continue;
            double slope = edges.slope(e);
            if (best < 0 || slope < bestSlope) {
                best = e;
                bestSlope = slope;
            }
        }
        return best;
    }
}

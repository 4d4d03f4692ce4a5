package org.drlp.model.lp;

import java.util.Map;

import org.drlp.api.Parameters;
import org.drlp.pivot.BlandRule;
import org.drlp.pivot.DantzigRule;
import org.drlp.pivot.GreatestImprovementRule;
import org.drlp.pivot.RandomRule;
import org.drlp.pivot.SteepestEdgeRule;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;

/** Every shipped pivot rule (bundle org.drlp.pivot), created as a run would. */
enum Rules {
    DANTZIG(new DantzigRule()), STEEPEST_EDGE(new SteepestEdgeRule()),
    GREATEST_IMPROVEMENT(new GreatestImprovementRule()), BLAND(new BlandRule()), RANDOM(new RandomRule());

    private final PivotRuleProvider provider;

    Rules(PivotRuleProvider provider) {
        this.provider = provider;
    }

    PivotRule create() {
        Map<String, Object> given = this == RANDOM ? Map.of("seed", 7L) : Map.of();
        return provider.create(Parameters.resolve("pivot rule \"" + provider.name() + "\"", provider.parameters(),
                given, null));
    }

    String ruleName() {
        return provider.name();
    }
}

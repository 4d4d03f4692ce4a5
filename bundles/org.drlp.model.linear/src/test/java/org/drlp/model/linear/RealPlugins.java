package org.drlp.model.linear;

import java.util.Map;

import org.drlp.api.Parameters;
import org.drlp.loss.AbsoluteLoss;
import org.drlp.loss.EpsilonInsensitiveLoss;
import org.drlp.loss.QuantileLoss;
import org.drlp.pivot.BlandRule;
import org.drlp.pivot.DantzigRule;
import org.drlp.pivot.GreatestImprovementRule;
import org.drlp.pivot.RandomRule;
import org.drlp.pivot.SteepestEdgeRule;
import org.drlp.spi.LossProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;

/** The shipped losses and pivot rules (bundles org.drlp.loss and org.drlp.pivot), created as a run would. */
final class RealPlugins {

    private RealPlugins() {
    }

    /** Every shipped pivot rule. */
    enum Rule {
        DANTZIG(new DantzigRule()), STEEPEST_EDGE(new SteepestEdgeRule()),
        GREATEST_IMPROVEMENT(new GreatestImprovementRule()), BLAND(new BlandRule()), RANDOM(new RandomRule());

        private final PivotRuleProvider provider;

        Rule(PivotRuleProvider provider) {
            this.provider = provider;
        }

        PivotRule create(long seed) {
            Map<String, Object> given = this == RANDOM ? Map.of("seed", seed) : Map.of();
            return provider.create(Parameters.resolve("pivot rule \"" + provider.name() + "\"", provider.parameters(),
                    given, null));
        }
    }

    /** Every shipped loss, with the parameters a spec would give. */
    enum Loss {
        ABSOLUTE, QUANTILE_10, QUANTILE_33, QUANTILE_50, QUANTILE_90, EPSILON_0, EPSILON_SMALL;

        /** @param scale the data's scale: epsilon is a residual, so it scales with the data */
        PiecewiseLinearLoss create(double scale) {
            return switch (this) {
                case ABSOLUTE -> create(new AbsoluteLoss(), Map.of());
                case QUANTILE_10 -> create(new QuantileLoss(), Map.of("tau", 0.1));
                case QUANTILE_33 -> create(new QuantileLoss(), Map.of("tau", 1.0 / 3));
                case QUANTILE_50 -> create(new QuantileLoss(), Map.of("tau", 0.5));
                case QUANTILE_90 -> create(new QuantileLoss(), Map.of("tau", 0.9));
                case EPSILON_0 -> create(new EpsilonInsensitiveLoss(), Map.of("epsilon", 0.0));
                case EPSILON_SMALL -> create(new EpsilonInsensitiveLoss(), Map.of("epsilon", 0.25 * scale));
            };
        }

        private static PiecewiseLinearLoss create(LossProvider provider, Map<String, Object> given) {
            return provider.create(Parameters.resolve("loss \"" + provider.name() + "\"", provider.parameters(),
                    given, null));
        }
    }
}

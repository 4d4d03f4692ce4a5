package org.drlp.pivot;

import java.util.List;
import java.util.SplittableRandom;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.osgi.service.component.annotations.Component;

/** The pivot rule {@code random}: an improving edge drawn uniformly, reproducible by its seed. */
@Component(service = PivotRuleProvider.class, property = "name=" + RandomRule.NAME)
public final class RandomRule implements PivotRuleProvider {

    static final String NAME = "random";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.seed("seed", 1L, "seed of the random draws; the same seed repeats the same walk"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "uniformly random improving edge (a baseline for the other rules); reproducible by seed";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** A fresh generator per solve, so that concurrent runs neither share nor disturb each other's draws. */
    @Override
    public PivotRule create(Parameters parameters) {
        return new Draw(new SplittableRandom(parameters.integer("seed")));
    }

    private static final class Draw implements PivotRule {

        private final SplittableRandom random;

        Draw(SplittableRandom random) {
            this.random = random;
        }

        /** Reservoir sampling: one pass, and the k-th improving edge replaces the pick with chance 1/k. */
        @Override
        public int choose(EdgeView edges) {
            int chosen = -1, seen = 0;
            for (int e = 0; e < edges.size(); e++) {
                if (edges.improving(e) && random.nextInt(++seen) == 0) chosen = e;
            }
            return chosen;
        }
    }
}

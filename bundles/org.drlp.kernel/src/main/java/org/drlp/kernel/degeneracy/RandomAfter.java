package org.drlp.kernel.degeneracy;

import java.util.List;
import java.util.Random;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.BlockingTies;
import org.drlp.spi.DegeneracyRule;
import org.drlp.spi.DegeneracyRuleProvider;
import org.drlp.spi.EdgeView;
import org.osgi.service.component.annotations.Component;

/**
 * Anti-cycling rule {@code random-after}: the stall is detected and first met as by
 * {@code bland-after}, but then every choice is random (seeded): the edge uniformly among the
 * improving ones, the entering neuron uniformly among the ratio test's well-conditioned ties. A
 * cycle of bases at a degenerate vertex is then left with probability 1: Bland's sequence of
 * choices out of it has positive probability at every pivot. Unlike Bland's rule it favours no
 * neuron, which is what a comparison of the two measures.
 */
@Component(service = DegeneracyRuleProvider.class, property = "name=" + RandomAfter.NAME)
public final class RandomAfter implements DegeneracyRuleProvider {

    public static final String NAME = "random-after";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("zeroSteps", BlandAfter.DEFAULT_ZERO_STEPS,
                    "consecutive zero-length pivots that make a stall")
                    .withRange(1, false, Integer.MAX_VALUE, false),
            ParameterSpec.seed("seed", 1L, "seed of the random choices"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "after zeroSteps zero-length pivots re-side the neurons at their kink, then random edges and ties (seeded)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public DegeneracyRule create(Parameters parameters) {
        return new Rule(parameters.intValue("zeroSteps"), parameters.integer("seed"));
    }

    private static final class Rule extends StallWatch {
        private final Random random;

        Rule(int limit, long seed) {
            super(limit);
            random = new Random(seed);
        }

        @Override
        public int chooseEdge(EdgeView edges) {
            int improving = 0;
            for (int e = 0; e < edges.size(); e++) {
                if (edges.improving(e)) improving++;
            }
            int pick = random.nextInt(improving);
            for (int e = 0; e < edges.size(); e++) {
                if (edges.improving(e) && pick-- == 0) return e;
            }
            return -1;
        }

        @Override
        public int chooseBlocking(BlockingTies ties) {
            return random.nextInt(ties.count());
        }
    }
}

package org.drlp.kernel.refactor;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.RefactorPolicy;
import org.drlp.spi.RefactorPolicyProvider;
import org.osgi.service.component.annotations.Component;

/**
 * Refactorisation policy {@code adaptive}: the interval follows the drift each check measures.
 * It starts at {@code pivots}; a drift below 1/1000 of what the walk tolerates doubles it (up to
 * {@code maxPivots}), one above 1/10 of it halves it (down to 1), anything between keeps it. Well
 * conditioned walks then refactor rarely; walks whose updates lose accuracy refactor often,
 * before the drift ends them NUMERICAL_FAILURE.
 */
@Component(service = RefactorPolicyProvider.class, property = "name=" + Adaptive.NAME)
public final class Adaptive implements RefactorPolicyProvider {

    public static final String NAME = "adaptive";
    static final double SMALL = 1e-3;
    static final double LARGE = 1e-1;

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("pivots", Every.DEFAULT_PIVOTS, "first interval, in pivots")
                    .withRange(1, false, Integer.MAX_VALUE, false),
            ParameterSpec.integer("maxPivots", 10_000L, "longest interval, in pivots")
                    .withRange(1, false, Integer.MAX_VALUE, false));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "refactor interval doubled after a small drift, halved after a large one";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public RefactorPolicy create(Parameters parameters) {
        return new Policy(parameters.integer("pivots"), parameters.integer("maxPivots"));
    }

    static final class Policy implements RefactorPolicy {
        private final long longest;
        private long interval;

        Policy(long first, long longest) {
            this.longest = Math.max(1, longest);
            this.interval = Math.min(first, this.longest);
        }

        long interval() {
            return interval;
        }

        @Override
        public boolean due(long pivots) {
            return pivots >= interval;
        }

        @Override
        public void checked(double drift) {
            if (drift < SMALL) interval = Math.min(longest, 2 * interval);
            else if (drift > LARGE) interval = Math.max(1, interval / 2);
        }
    }
}

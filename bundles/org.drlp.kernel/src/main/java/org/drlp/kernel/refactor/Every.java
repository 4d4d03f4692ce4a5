package org.drlp.kernel.refactor;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.RefactorPolicy;
import org.drlp.spi.RefactorPolicyProvider;
import org.osgi.service.component.annotations.Component;

/** Refactorisation policy {@code every}, the default: every {@code pivots} pivots, each with its drift check. */
@Component(service = RefactorPolicyProvider.class, property = "name=" + Every.NAME)
public final class Every implements RefactorPolicyProvider {

    public static final String NAME = "every";
    public static final long DEFAULT_PIVOTS = 200;

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("pivots", DEFAULT_PIVOTS, "pivots between recomputations of the edge directions")
                    .withRange(1, false, Integer.MAX_VALUE, false));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "recompute the edge directions from the data every k pivots, checking the tracked objective";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public RefactorPolicy create(Parameters parameters) {
        long interval = parameters.integer("pivots");
        return new RefactorPolicy() {
            @Override
            public boolean due(long pivots) {
                return pivots >= interval;
            }

            @Override
            public void checked(double drift) {
            }
        };
    }
}

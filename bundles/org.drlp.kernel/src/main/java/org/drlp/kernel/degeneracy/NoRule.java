package org.drlp.kernel.degeneracy;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.BlockingTies;
import org.drlp.spi.DegeneracyRule;
import org.drlp.spi.DegeneracyRuleProvider;
import org.drlp.spi.DegeneracyView;
import org.drlp.spi.EdgeView;
import org.osgi.service.component.annotations.Component;

/**
 * Anti-cycling rule {@code none}: the pivot rule keeps choosing at a stall, and the walk never
 * re-sides the neurons at their kink. For studying cycling: set {@code maxIterations}, since a
 * degenerate program may then never end.
 */
@Component(service = DegeneracyRuleProvider.class, property = "name=" + NoRule.NAME)
public final class NoRule implements DegeneracyRuleProvider {

    public static final String NAME = "none";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "no anti-cycling: the pivot rule chooses at every stall (may cycle; set maxIterations)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public DegeneracyRule create(Parameters parameters) {
        return new DegeneracyRule() {
            @Override
            public void afterPivot(boolean progressed, DegeneracyView walk) {
            }

            @Override
            public boolean active() {
                return false;
            }

            @Override
            public int chooseEdge(EdgeView edges) {
                throw new IllegalStateException("never active");
            }

            @Override
            public int chooseBlocking(BlockingTies ties) {
                throw new IllegalStateException("never active");
            }
        };
    }
}

package org.example.drlp.lifo;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.DegeneracyRule;
import org.drlp.spi.DegeneracyRuleProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The anti-cycling rule {@code lifo-after}: after {@code zeroSteps} consecutive zero-length pivots
 * (a stall) it re-sides the neurons at their kink once, as the workbench's own rules do, and if the
 * stall goes on it makes the choices by Zhang's last-in-first-out rule until a pivot makes progress:
 * the edge of the critical neuron that entered the critical set last, and among the ratio test's
 * ties the neuron that left it last (S. Zhang, "On anti-cycling pivoting rules for the simplex
 * method", Operations Research Letters 10 (1991) 189-192, where it is proved finite like Bland's).
 * Bland's rule always prefers the smallest indices; this one prefers what moved recently, so the
 * two leave a degenerate vertex by different bases, which is what comparing them measures.
 */
@Component(service = DegeneracyRuleProvider.class, property = "name=" + LastInFirstOutRule.NAME)
public final class LastInFirstOutRule implements DegeneracyRuleProvider {

    static final String NAME = "lifo-after";
    static final long DEFAULT_ZERO_STEPS = 50;

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("zeroSteps", DEFAULT_ZERO_STEPS, "consecutive zero-length pivots that make a stall")
                    .withRange(1, false, Integer.MAX_VALUE, false));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "after zeroSteps zero-length pivots re-side the neurons at their kink, then Zhang's last-in-first-out rule";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public DegeneracyRule create(Parameters parameters) {
        return new LastInFirstOut(parameters.intValue("zeroSteps"));
    }
}

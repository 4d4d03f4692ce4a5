package org.drlp.loss;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.LossProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PiecewiseLinearLoss.Kink;
import org.osgi.service.component.annotations.Component;

/**
 * The loss {@code epsilon-insensitive}: max(0, |z| - epsilon), as in support vector regression.
 * Two hinges, one per side of the flat band; at epsilon = 0 they coincide and sum to |z|.
 */
@Component(service = LossProvider.class, property = "name=" + EpsilonInsensitiveLoss.NAME)
public final class EpsilonInsensitiveLoss implements LossProvider {

    static final String NAME = "epsilon-insensitive";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.real("epsilon", 0.0, "half-width of the band of residuals that cost nothing")
                    .withRange(0, false, Double.NaN, false));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "epsilon-insensitive loss max(0, |fit - y| - epsilon), as in support vector regression";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public PiecewiseLinearLoss create(Parameters parameters) {
        double epsilon = parameters.real("epsilon");
        // 0 - epsilon rather than -epsilon: at epsilon = 0 the kink is at 0.0, not at -0.0
        return new HingeLoss(List.of(new Kink(0 - epsilon, -1, 0), new Kink(epsilon, 0, 1)),
                z -> Math.max(0, Math.abs(z) - epsilon));
    }
}

package org.drlp.loss;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.LossProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PiecewiseLinearLoss.Kink;
import org.osgi.service.component.annotations.Component;

/** The loss {@code absolute}: |z|, least absolute deviations. */
@Component(service = LossProvider.class, property = "name=" + AbsoluteLoss.NAME)
public final class AbsoluteLoss implements LossProvider {

    static final String NAME = "absolute";

    private static final PiecewiseLinearLoss LOSS = new HingeLoss(List.of(new Kink(0, -1, 1)), Math::abs);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "absolute residual |fit - y| (least absolute deviations, median regression)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public PiecewiseLinearLoss create(Parameters parameters) {
        return LOSS;
    }
}

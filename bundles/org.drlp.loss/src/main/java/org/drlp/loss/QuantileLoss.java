package org.drlp.loss;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.LossProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PiecewiseLinearLoss.Kink;
import org.osgi.service.component.annotations.Component;

/**
 * The loss {@code quantile}: Koenker's check loss rho_tau(u) = u (tau - 1{u < 0}) of u = y - fit.
 * The SPI's residual is z = fit - y = -u, so the loss is -tau z below 0 and (1 - tau) z above:
 * fitting under y costs tau per unit, fitting over it 1 - tau, and the fit is the tau-quantile.
 */
@Component(service = LossProvider.class, property = "name=" + QuantileLoss.NAME)
public final class QuantileLoss implements LossProvider {

    static final String NAME = "quantile";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.real("tau", 0.5, "quantile level; 0.5 is the median (absolute loss halved)")
                    .withRange(0, true, 1, true));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "quantile regression: check loss rho_tau of y - fit";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public PiecewiseLinearLoss create(Parameters parameters) {
        double tau = parameters.real("tau");
        return new HingeLoss(List.of(new Kink(0, -tau, 1 - tau)), z -> z < 0 ? -tau * z : (1 - tau) * z);
    }
}

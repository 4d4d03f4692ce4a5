package org.drlp.loss;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.CheckContext;
import org.drlp.spi.LossProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PiecewiseLinearLoss.Kink;
import org.osgi.service.component.annotations.Component;

/**
 * The loss {@code quantile}: Koenker's check loss rho_tau(u) = u (tau - 1{u < 0}) of u = y - fit.
 * The SPI's residual is z = fit - y = -u, so the loss is -tau z below 0 and (1 - tau) z above:
 * fitting under y costs tau per unit, fitting over it 1 - tau, and the fit is the tau-quantile.
 * {@code "tau": "process"} asks for the whole quantile process: the run solves the median, and the
 * model {@code linear} follows the solution through every tau in (0, 1).
 */
@Component(service = LossProvider.class, property = "name=" + QuantileLoss.NAME)
public final class QuantileLoss implements LossProvider {

    static final String NAME = "quantile";
    /** The word of {@code tau} that asks for the whole process. */
    static final String PROCESS = "process";
    /** The only model that follows a solution in tau. */
    private static final String PROCESS_MODEL = "linear";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.real("tau", 0.5, "quantile level; 0.5 is the median (absolute loss halved); \"process\": "
                            + "every breakpoint of the solution in tau (model linear), from the median's solve")
                    .withRange(0, true, 1, true).withChoices(PROCESS));

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
    public void check(Parameters parameters, CheckContext context) {
        if (!process(parameters)) return;
        context.model().filter(model -> !model.equals(PROCESS_MODEL)).ifPresent(model -> context.problem("tau",
                "\"" + PROCESS + "\" needs the model \"" + PROCESS_MODEL + "\", which follows the solution in tau; "
                        + "this run's model is \"" + model + "\""));
    }

    @Override
    public PiecewiseLinearLoss create(Parameters parameters) {
        boolean process = process(parameters);
        double tau = process ? 0.5 : parameters.real("tau");
        return new HingeLoss(List.of(new Kink(0, -tau, 1 - tau)), z -> z < 0 ? -tau * z : (1 - tau) * z, process);
    }

    private static boolean process(Parameters parameters) {
        return parameters.asMap().get("tau") instanceof String;
    }
}

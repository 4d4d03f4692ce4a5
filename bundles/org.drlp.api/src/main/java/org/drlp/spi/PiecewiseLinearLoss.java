package org.drlp.spi;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A piecewise-linear loss of the residual z = fit - y, written as a sum of two-slope hinges:
 * loss(z) = sum_q phi_q(z - kink_q.at), phi(u) = lowSlope u for {@code u < 0}, highSlope u for {@code u >= 0}.
 * Each hinge becomes one neuron per data point, so |.| and the check loss are one neuron, not a
 * pair of ReLUs.
 */
@ConsumerType // implemented by loss plugins
public interface PiecewiseLinearLoss {

    /** The hinges; never empty. */
    List<Kink> kinks();

    /** loss(z), evaluated directly (an independent check of the hinge form). */
    double value(double residual);

    /** True when every hinge has {@code lowSlope <= highSlope}. */
    default boolean isConvex() {
        return kinks().stream().allMatch(k -> k.lowSlope() <= k.highSlope());
    }

    /**
     * True for a quantile loss asked for its whole process ({@code "tau": "process"}): the loss is then
     * the median's (tau = 0.5), the run solves that, and a model that can follow the solution in tau
     * reports it at every tau in (0, 1) (the model {@code linear}); false (the default) for any other loss.
     *
     * @since 2.1
     */
    default boolean quantileProcess() {
        return false;
    }

    /** One hinge at residual {@code at} with slopes below and above it. */
    record Kink(double at, double lowSlope, double highSlope) {
        public Kink {
            if (!Double.isFinite(at) || !Double.isFinite(lowSlope) || !Double.isFinite(highSlope)) {
                throw new IllegalArgumentException("kink values must be finite");
            }
        }
    }
}

package org.drlp.loss;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.drlp.spi.PiecewiseLinearLoss;

/**
 * A loss given twice: as its hinges, which the model turns into neurons, and as a direct formula,
 * which evaluates it independently so that tests and certificates can check the hinge form.
 */
final class HingeLoss implements PiecewiseLinearLoss {

    private final List<Kink> kinks;
    private final DoubleUnaryOperator formula;
    private final boolean process;

    HingeLoss(List<Kink> kinks, DoubleUnaryOperator formula) {
        this(kinks, formula, false);
    }

    /** @param process  whether the whole quantile process is asked for (see {@link #quantileProcess}) */
    HingeLoss(List<Kink> kinks, DoubleUnaryOperator formula, boolean process) {
        this.kinks = List.copyOf(kinks);
        this.formula = formula;
        this.process = process;
    }

    @Override
    public boolean quantileProcess() {
        return process;
    }

    @Override
    public List<Kink> kinks() {
        return kinks;
    }

    @Override
    public double value(double residual) {
        return formula.applyAsDouble(residual);
    }
}

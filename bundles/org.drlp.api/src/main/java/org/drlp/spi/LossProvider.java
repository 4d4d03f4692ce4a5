package org.drlp.spi;

import org.drlp.api.Parameters;

/** Registers a piecewise-linear loss by name. */
public interface LossProvider extends Plugin {

    PiecewiseLinearLoss create(Parameters parameters);
}

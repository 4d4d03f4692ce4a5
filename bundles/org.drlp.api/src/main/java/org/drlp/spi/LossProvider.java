package org.drlp.spi;

import org.drlp.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/** Registers a piecewise-linear loss by name. */
@ConsumerType // implemented by plugins
public interface LossProvider extends Plugin {

    PiecewiseLinearLoss create(Parameters parameters);
}

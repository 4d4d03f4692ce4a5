package org.drlp.model.linear;

import org.drlp.api.CoefficientTable;

/** One way of inference on a solved quantile regression: rank inversion, a sandwich, the bootstrap, ... */
interface CoefficientInference {

    /**
     * @param level  confidence level of the intervals, in (0, 1)
     * @throws IllegalArgumentException when the fit does not allow this inference (too few rows, say),
     *                                  with a message saying so
     */
    CoefficientTable table(QuantileFit fit, double level);
}

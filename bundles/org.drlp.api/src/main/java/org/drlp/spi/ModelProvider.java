package org.drlp.spi;

import java.io.IOException;

import org.drlp.api.Parameters;

/** Registers a model by name: it rewrites data and a loss into a ReLU program. */
public interface ModelProvider extends Plugin {

    /**
     * @throws IllegalArgumentException when the data or parameters do not fit the model (an unknown
     *                                  feature name, say), with a message saying so
     */
    Problem build(Dataset data, PiecewiseLinearLoss loss, Parameters parameters) throws IOException;
}

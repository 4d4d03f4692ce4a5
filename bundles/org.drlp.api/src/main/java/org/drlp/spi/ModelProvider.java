package org.drlp.spi;

import java.io.IOException;

import org.drlp.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/** Registers a model by name: it rewrites data and a loss into a ReLU program. */
@ConsumerType // implemented by plugins
public interface ModelProvider extends Plugin {

    /**
     * @param data  the data set; null when the model does not use it and the spec has none
     * @param loss  the loss; null when the model does not use it and the spec has none
     * @throws IllegalArgumentException when the data or parameters do not fit the model (an unknown
     *                                  feature name, say), with a message saying so
     */
    Problem build(Dataset data, PiecewiseLinearLoss loss, Parameters parameters) throws IOException;

    /**
     * False for a model whose program depends on neither the data nor the loss (minimising a fixed
     * network, say): a spec may then leave out its data and loss sections, and {@link #build} gets
     * null for each one left out. True (the default): both sections are required.
     *
     * @since 1.1
     */
    default boolean usesDataAndLoss() {
        return true;
    }

    /**
     * The form of the problem {@link #build} returns with these parameters, known without data, so
     * that the run's method and strategies can be checked against it before anything loads. The
     * default, {@link ProblemForm#PROGRAM}, is safe for any model whose problem has a program.
     */
    default ProblemForm problemForm(Parameters parameters) {
        return ProblemForm.PROGRAM;
    }
}

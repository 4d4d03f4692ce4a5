package org.drlp.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where the vertex walk starts. Created per solve by a {@link StartProvider}.
 *
 * @since 2.0
 */
@ConsumerType // implemented by plugins
public interface StartStrategy {

    /**
     * The start of the walk on {@code program}.
     *
     * @param given          the start the model (or a programmatic caller) gives, length n
     * @param parameterNames the name of each coordinate, for strategies that read named values
     * @throws IllegalArgumentException with a message for the user when the start cannot be made
     *                                  (a file that does not fit, say): the run ends FAILED with it
     */
    WarmStart start(ReluProgram program, double[] given, List<String> parameterNames);
}

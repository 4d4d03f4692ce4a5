package org.drlp.spi;

import org.drlp.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registers a line search of the vertex walk by name (the spec's {@code solver.lineSearch}); creates
 * a fresh search for each walk.
 *
 * @since 2.0
 */
@ConsumerType // implemented by plugins
public interface LineSearchProvider extends Plugin {

    LineSearch create(Parameters parameters);
}

package org.drlp.spi;

import org.drlp.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registers a presolve of the vertex walk by name (the spec's {@code solver.presolve}).
 *
 * @since 2.0
 */
@ConsumerType // implemented by plugins
public interface PresolveProvider extends Plugin {

    Presolver create(Parameters parameters);
}

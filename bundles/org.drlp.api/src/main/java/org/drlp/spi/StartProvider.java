package org.drlp.spi;

import org.drlp.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registers a start of the vertex walk by name (the spec's {@code solver.start}).
 *
 * @since 2.0
 */
@ConsumerType // implemented by plugins
public interface StartProvider extends Plugin {

    StartStrategy create(Parameters parameters);
}

package org.drlp.spi;

import org.drlp.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registers a refactorisation policy by name (the spec's {@code solver.refactor}); creates a fresh
 * policy for each walk.
 *
 * @since 2.0
 */
@ConsumerType // implemented by plugins
public interface RefactorPolicyProvider extends Plugin {

    RefactorPolicy create(Parameters parameters);
}

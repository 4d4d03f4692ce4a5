package org.drlp.spi;

import org.drlp.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registers an anti-cycling rule by name (the spec's {@code solver.antiCycling}); creates a fresh
 * rule for each walk.
 *
 * @since 2.0
 */
@ConsumerType // implemented by plugins
public interface DegeneracyRuleProvider extends Plugin {

    DegeneracyRule create(Parameters parameters);
}

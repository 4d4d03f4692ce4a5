package org.drlp.spi;

import org.drlp.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/** Registers a pivot rule by name; creates a fresh rule for each solve. */
@ConsumerType // implemented by plugins
public interface PivotRuleProvider extends Plugin {

    PivotRule create(Parameters parameters);
}

package org.drlp.spi;

import org.drlp.api.Parameters;

/** Registers a pivot rule by name; creates a fresh rule for each solve. */
public interface PivotRuleProvider extends Plugin {

    PivotRule create(Parameters parameters);
}

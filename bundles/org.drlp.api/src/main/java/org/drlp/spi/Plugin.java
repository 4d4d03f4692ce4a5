package org.drlp.spi;

import java.util.List;

import org.drlp.api.ParameterSpec;

/**
 * What every plugin provider declares so that it can be found by name, listed, and have its
 * parameters validated before anything runs.
 */
public interface Plugin {

    /** The name a spec uses, for example {@code steepest-edge}; unique within the role. */
    String name();

    /** One line for listings. */
    String description();

    /** Declared parameters; a spec may set only these. */
    List<ParameterSpec> parameters();
}

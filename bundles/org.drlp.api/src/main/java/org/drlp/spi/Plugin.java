package org.drlp.spi;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What every plugin provider declares so that it can be found by name, listed, and have its
 * parameters validated before anything runs.
 */
@ConsumerType // implemented by plugins
public interface Plugin {

    /** The name a spec uses, for example {@code steepest-edge}; unique within the role. */
    String name();

    /** One line for listings. */
    String description();

    /** Declared parameters; a spec may set only these. */
    List<ParameterSpec> parameters();

    /**
     * Checks, before anything runs, what the declarations cannot say: that a file exists and is
     * readable, that named columns are in its header, that shapes and layer numbers fit, that
     * parameters agree with each other and with the run's other plugins. {@code validate} and
     * {@code run} call it once per distinct configuration, after every declared type and range
     * holds, and report every problem it finds together with the spec's other problems.
     *
     * <p>It must be cheap and must not load data: read a header line or a small file's shape, not
     * a table. Report each problem to the context instead of throwing; an exception is reported
     * as a problem of the plugin. The default checks nothing.
     *
     * @since 1.2
     */
    default void check(Parameters parameters, CheckContext context) {
    }

    /**
     * The problem forms this plugin can work on, for plugins that work on the problem (solver
     * methods and the walk's strategies): {@code validate} rejects a run whose model builds another.
     * The default: every form.
     */
    default Set<ProblemForm> acceptedForms() {
        return EnumSet.allOf(ProblemForm.class);
    }
}

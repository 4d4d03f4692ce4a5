package org.drlp.spi;

import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.StepListener;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registers a way to minimise a problem by name: the vertex walk, or a baseline such as
 * subgradient Adam. The spec's {@code solver.method} selects it.
 */
@ConsumerType // implemented by plugins
public interface SolverMethod extends Plugin {

    /** True when the method uses a pivot rule (the spec's {@code solver.pivot}). */
    boolean usesPivotRule();

    /**
     * Minimises the problem. Must not throw for numerical trouble: that is a status.
     *
     * @param pivotRule null when {@link #usesPivotRule()} is false
     */
    SolveResult solve(Problem problem, PivotRule pivotRule, Parameters parameters, StepListener listener);
}

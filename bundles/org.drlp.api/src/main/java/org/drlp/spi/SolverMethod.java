package org.drlp.spi;

import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.StepListener;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registers a way to minimise a problem by name: the vertex walk, or a baseline such as
 * subgradient Adam. The spec's {@code solver.method} selects it. The strategies it uses (the walk's
 * pivot rule, say) are its PLUGIN parameters: they come resolved in {@code parameters} as
 * {@link org.drlp.api.PluginChoice}s, and the method creates a fresh strategy per solve.
 */
@ConsumerType // implemented by plugins
public interface SolverMethod extends Plugin {

    /**
     * Minimises the problem. Must not throw for numerical trouble: that is a status. A strategy
     * that throws ends the solve FAILED, naming it, after {@link StepListener#onPluginFault}.
     */
    SolveResult solve(Problem problem, Parameters parameters, StepListener listener);
}

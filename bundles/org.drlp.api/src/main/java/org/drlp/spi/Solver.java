package org.drlp.spi;

import org.drlp.api.SolveResult;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The vertex-walk kernel as a typed service, for plugins that walk programs of their own (a
 * block-coordinate method, say). In the SPI, not the API, because it takes SPI types.
 *
 * @since 2.0
 */
@ProviderType // implemented by the kernel only
public interface Solver {

    /**
     * Minimises the program from its start point x0 by the vertex walk.
     * Never throws for numerical trouble or a faulty pivot rule: those end as a status.
     */
    SolveResult solve(ReluProgram program, double[] x0, PivotRule pivotRule, SolverOptions options,
                      StepListener listener);
}

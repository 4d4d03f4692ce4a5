package org.drlp.api;

import org.drlp.spi.PivotRule;
import org.drlp.spi.ReluProgram;

/** The vertex-walk kernel as a typed service, for programmatic use. */
public interface Solver {

    /**
     * Minimises the program from its start point x0 by the vertex walk.
     * Never throws for numerical trouble or a faulty pivot rule: those end as a status.
     */
    SolveResult solve(ReluProgram program, double[] x0, PivotRule pivotRule, SolverOptions options,
                      StepListener listener);
}

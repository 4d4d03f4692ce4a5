package org.drlp.spi;

import org.drlp.api.SolveStatus;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel's walk as a presolve uses it: each call walks one sub-program (a subsample, a reduced
 * program) as a stage of the solve, with the solve's strategies and what is left of its pivot and
 * time limits.
 *
 * @since 2.0
 */
@ProviderType // implemented by the kernel only
public interface SubproblemWalks {

    /**
     * Walks {@code program} from {@code start} (with its basis when it has one and that is a basis
     * there; phase 1 from its point otherwise), recorded as stage {@code stage}.
     */
    Solved walk(String stage, SeparableProgram program, WarmStart start);

    /** True when the solve's pivot or time limit is used up: the presolve should stop. */
    boolean exhausted();

    /** The walk's relative zero tolerance for preactivations. */
    double tolerance();

    /**
     * A sub-walk's end.
     *
     * @param basis the critical set at the end (negative entries are free directions)
     * @param sides every neuron's side at the end
     */
    record Solved(SolveStatus status, double[] point, int[] basis, boolean[] sides, long pivots) {
    }
}

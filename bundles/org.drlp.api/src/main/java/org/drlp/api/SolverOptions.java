package org.drlp.api;

/**
 * Options of the vertex walk.
 *
 * @param maxIterations     pivots (steps and region changes) before ITERATION_LIMIT
 * @param timeLimitSeconds  wall-clock limit before TIME_LIMIT; non-positive means none
 * @param passThrough       keep walking along an edge through breakpoints while the slope stays
 *                          negative: on convex separable programs a weighted-median line search, on
 *                          general ones breakpoint by breakpoint, stopping where a crossing would
 *                          change the normal of a critical neuron
 * @param tolerance         relative zero tolerance for preactivations, slopes and pivots
 * @param refactorInterval  pivots between recomputations of the edge directions from scratch
 * @param zeroStepLimit     consecutive zero-length steps after which Bland's rule takes over
 */
public record SolverOptions(long maxIterations, double timeLimitSeconds, boolean passThrough,
                            double tolerance, int refactorInterval, int zeroStepLimit) {

    public SolverOptions {
        if (maxIterations < 0) throw new IllegalArgumentException("maxIterations must be >= 0");
        if (!(tolerance > 0 && tolerance < 1e-2)) throw new IllegalArgumentException("tolerance must be in (0, 1e-2)");
        if (refactorInterval < 1) throw new IllegalArgumentException("refactorInterval must be >= 1");
        if (zeroStepLimit < 1) throw new IllegalArgumentException("zeroStepLimit must be >= 1");
    }

    public static SolverOptions defaults() {
        return new SolverOptions(10_000_000L, 0, true, 1e-10, 200, 50);
    }

    public SolverOptions withMaxIterations(long value) {
        return new SolverOptions(value, timeLimitSeconds, passThrough, tolerance, refactorInterval, zeroStepLimit);
    }

    public SolverOptions withTimeLimitSeconds(double value) {
        return new SolverOptions(maxIterations, value, passThrough, tolerance, refactorInterval, zeroStepLimit);
    }

    public SolverOptions withPassThrough(boolean value) {
        return new SolverOptions(maxIterations, timeLimitSeconds, value, tolerance, refactorInterval, zeroStepLimit);
    }

    public SolverOptions withTolerance(double value) {
        return new SolverOptions(maxIterations, timeLimitSeconds, passThrough, value, refactorInterval, zeroStepLimit);
    }

    public SolverOptions withRefactorInterval(int value) {
        return new SolverOptions(maxIterations, timeLimitSeconds, passThrough, tolerance, value, zeroStepLimit);
    }

    public SolverOptions withZeroStepLimit(int value) {
        return new SolverOptions(maxIterations, timeLimitSeconds, passThrough, tolerance, refactorInterval, value);
    }
}

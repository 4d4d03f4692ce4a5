package org.drlp.kernel;

import java.util.ArrayList;
import java.util.List;

import org.drlp.api.SolveResult;
import org.drlp.api.ForwardingStepListener;
import org.drlp.api.SolveStage;
import org.drlp.api.StepListener;
import org.drlp.spi.Problem;
import org.drlp.spi.ReluProgram;

/**
 * The walks a problem asks for after the first one ({@link Problem#conclude}): each reports its steps
 * to the solve's listener as a stage of its own name, numbered after the pivots of the walks before
 * it and timed from the start of the solve, and its result carries that stage name.
 */
final class ContinuedWalks implements Problem.Walker {

    /** One solve of the kernel, reporting to the given listener. */
    @FunctionalInterface
    interface Solve {
        SolveResult run(ReluProgram program, double[] start, StepListener listener);
    }

    private final StepListener listener;
    private final long solveStartNanos;
    private final Solve solve;
    private long pivotsBefore;

    ContinuedWalks(StepListener listener, long solveStartNanos, long firstWalkPivots, Solve solve) {
        this.listener = listener == null ? StepListener.NONE : listener;
        this.solveStartNanos = solveStartNanos;
        this.pivotsBefore = firstWalkPivots;
        this.solve = solve;
    }

    @Override
    public SolveResult walk(String stage, ReluProgram program, double[] start) {
        long offset = pivotsBefore;
        long sinceSolveStart = System.nanoTime() - solveStartNanos;
        StepListener renamed = new ForwardingStepListener(listener) {
            @Override
            public void onStep(long iteration, double objective, double step, int entering, int leaving,
                               int regionChanges, long elapsedNanos) {
                next.onStep(offset + iteration, objective, step, entering, leaving, regionChanges,
                        sinceSolveStart + elapsedNanos);
            }

            @Override
            public void onStage(String inner) {
                next.onStage(stageName(stage, inner));
            }
        };
        SolveResult result = solve.run(program, start, renamed);
        pivotsBefore += result.iterations();
        List<SolveStage> stages = new ArrayList<>();
        for (SolveStage s : result.stages()) {
            stages.add(s.withName(stageName(stage, s.name())));
        }
        return new SolveResult(result.status(), result.objective(), result.point(), result.iterations(),
                result.regionChanges(), result.seconds(), result.certificate(), result.message(), stages);
    }

    /** The walk's own final stage takes the problem's name; a presolve stage of it is prefixed with it. */
    private static String stageName(String stage, String inner) {
        return SolveStages.FINAL.equals(inner) ? stage : stage + "/" + inner;
    }
}

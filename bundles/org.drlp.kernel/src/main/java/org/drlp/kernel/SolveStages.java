package org.drlp.kernel;

import java.util.ArrayList;
import java.util.List;

import org.drlp.api.SolveStage;
import org.drlp.api.StepListener;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.SeparableProgram;

/**
 * The stages of one solve (presolve subsample, reduced solves, final walk): forwards every walk's
 * steps to the caller's listener numbered over the whole solve and timed from its start, and keeps
 * each stage's counters. A stage's steps come after {@link #begin}; {@link #end} records it.
 */
final class SolveStages implements StepListener {

    /** The walk on the full program: the only stage of a solve without a presolve. */
    static final String FINAL = "final";

    private final StepListener listener;
    private final long solveStartNanos;
    private final List<SolveStage> stages = new ArrayList<>();
    private String stage;
    private long pivotsBefore;
    private long stageStartNanos;

    SolveStages(StepListener listener, long solveStartNanos) {
        this.listener = listener == null ? StepListener.NONE : listener;
        this.solveStartNanos = solveStartNanos;
    }

    /** Starts the stage {@code name}: the next walk's steps belong to it. */
    void begin(String name) {
        stage = name;
        stageStartNanos = System.nanoTime();
        listener.onStage(name);
    }

    /** Records the stage begun last with the counters of the walk that ran it (null: it did not run). */
    void end(VertexWalk walk, long rows) {
        if (walk == null) return;
        long pivots = walk.iterationCount();
        stages.add(new SolveStage(stage, rows, pivots, (System.nanoTime() - stageStartNanos) * 1e-9,
                walk.zeroStepCount(), walk.blandPivotCount(), walk.rebalanceCount(), walk.refactorCount(),
                walk.crossingCount(), walk.regionChangeCount()));
        pivotsBefore += pivots;
    }

    /** Rows of a program as a stage reports them: data rows of a separable program, neurons otherwise. */
    static long rows(ReluProgram program) {
        return program instanceof SeparableProgram separable ? separable.rowCount() : program.neuronCount();
    }

    /** The stages recorded so far, in the order they ran. */
    List<SolveStage> stages() {
        return List.copyOf(stages);
    }

    @Override
    public void onStep(long iteration, double objective, double step, int entering, int leaving, int regionChanges,
                       long elapsedNanos) {
        long sinceSolveStart = iteration == 0 ? stageStartNanos - solveStartNanos
                : stageStartNanos - solveStartNanos + elapsedNanos;
        listener.onStep(pivotsBefore + iteration, objective, step, entering, leaving, regionChanges,
                Math.max(0, sinceSolveStart));
    }

    @Override
    public boolean stopRequested() {
        return listener.stopRequested();
    }

    @Override
    public void onPluginFault(String plugin, Throwable fault) {
        listener.onPluginFault(plugin, fault);
    }
}

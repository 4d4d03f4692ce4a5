package org.drlp.kernel;

import java.util.ArrayList;
import java.util.List;

import org.drlp.api.ForwardingStepListener;
import org.drlp.api.SolveStage;
import org.drlp.api.StepListener;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.SeparableProgram;

/**
 * The stages of one solve (presolve subsample, reduced solves, final walk, and the free-direction
 * phase of each walk that starts from a point): forwards every walk's steps to the caller's
 * listener numbered over the whole solve and timed from its start, marks where each stage begins,
 * and keeps each stage's counters. A walk's steps come after {@link #begin}; {@link #end} records it.
 */
final class SolveStages extends ForwardingStepListener {

    /** The walk on the full program: the only walk of a solve without a presolve. */
    static final String FINAL = "final";
    /** The free-direction phase of the final walk; of another stage s it is {@code s/start}. */
    static final String START = "start";

    private final long solveStartNanos;
    private final List<SolveStage> stages = new ArrayList<>();
    private String stage;
    private long pivotsBefore;
    private long walkStartNanos;
    /** The free-direction phase just recorded: its counters and when it ended, or null. */
    private WalkCounters phaseOne;
    private long phaseOneEndNanos;
    private boolean inPhaseOne;

    SolveStages(StepListener listener, long solveStartNanos) {
        super(listener);
        this.solveStartNanos = solveStartNanos;
    }

    /** Starts the stage {@code name}: the next walk's steps belong to it. */
    void begin(String name) {
        stage = name;
        walkStartNanos = System.nanoTime();
        phaseOne = null;
        inPhaseOne = false;
    }

    /** The walk begun last starts: from a point (phase 1 first) or at a basis. */
    void walkStarts(boolean fromPoint) {
        inPhaseOne = fromPoint;
        next.onStage(fromPoint ? startName(stage) : stage);
    }

    /**
     * The free-direction phase of the walk ends: its steps so far make the start stage; the walk's
     * next pivot is the first of its stage (the same walk goes on, so there is no start row).
     */
    void phaseOneEnds(VertexWalk walk) {
        if (!inPhaseOne) return;
        inPhaseOne = false;
        phaseOne = walk.counters().copy();
        phaseOneEndNanos = System.nanoTime();
        next.onStage(stage);
    }

    /** Records the stage begun last with the counters of the walk that ran it (null: it did not run). */
    void end(VertexWalk walk, long rows) {
        if (walk == null) return;
        WalkCounters all = walk.counters();
        long now = System.nanoTime();
        if (inPhaseOne) {
            // the walk ended before any neuron left the critical set: it was all start
            phaseOne = all.copy();
            phaseOneEndNanos = now;
            inPhaseOne = false;
        }
        WalkCounters rest = all.copy();
        long restStart = walkStartNanos;
        if (phaseOne != null) {
            stages.add(record(startName(stage), rows, phaseOne, phaseOneEndNanos - walkStartNanos));
            rest.add(phaseOne, -1);
            restStart = phaseOneEndNanos;
        }
        stages.add(record(stage, rows, rest, now - restStart));
        pivotsBefore += all.pivots;
        phaseOne = null;
    }

    private static SolveStage record(String name, long rows, WalkCounters c, long nanos) {
        return new SolveStage(name, rows, c.pivots, nanos * 1e-9, c.zeroSteps, c.rulePivots, c.rebalances,
                c.refactorisations, c.crossings, c.regionChanges, c.ruleActivations, c.driftChecks,
                c.pricingNanos * 1e-9, c.lineSearchNanos * 1e-9, c.directionNanos * 1e-9, c.refactorNanos * 1e-9);
    }

    static String startName(String stage) {
        return FINAL.equals(stage) ? START : stage + "/" + START;
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
        long sinceSolveStart = iteration == 0 ? walkStartNanos - solveStartNanos
                : walkStartNanos - solveStartNanos + elapsedNanos;
        next.onStep(pivotsBefore + iteration, objective, step, entering, leaving, regionChanges,
                Math.max(0, sinceSolveStart));
    }
}

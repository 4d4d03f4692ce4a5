package org.drlp.kernel;

import java.util.List;

import org.drlp.api.Certificate;
import org.drlp.api.SolveResult;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PluginRole;
import org.drlp.spi.Presolver;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.SeparableProgram;
import org.drlp.spi.StartStrategy;
import org.drlp.spi.SubproblemWalks;
import org.drlp.spi.WarmStart;

/**
 * One solve: the start strategy gives the start, separable programs are walked in column-scaled
 * coordinates ({@link ColumnScaledProgram}), the presolve (when it applies) walks sub-programs to
 * find the final walk's start, and the final walk on the full program certifies the end. Every
 * walk is a stage of {@link SolveStages} and shares the solve's pivot and time limits.
 */
final class SolveRun implements SubproblemWalks {

    private final ReluProgram userProgram;
    private final PivotRule rule;
    private final SolverOptions options;
    private final long startNanos;
    private final SolveStages stages;
    private final Budget budget;

    SolveRun(ReluProgram program, PivotRule rule, SolverOptions options, StepListener listener, long startNanos) {
        this.userProgram = program;
        this.rule = rule;
        this.options = options;
        this.startNanos = startNanos;
        this.stages = new SolveStages(listener, startNanos);
        this.budget = new Budget(startNanos);
    }

    SolveResult solve(double[] x0, List<String> names) {
        StartStrategy startStrategy = WalkStrategies.start(options);
        WarmStart start;
        try {
            start = startStrategy.start(userProgram, x0.clone(), names);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(WalkStrategies.owner(options, PluginRole.START) + ": " + WalkStrategies.StrategyFault.describe(e));
        }
        if (start == null) return failed(WalkStrategies.owner(options, PluginRole.START) + " gave no start");
        if (userProgram instanceof SeparableProgram separable && start.point().length == userProgram.dimension()
                && ColumnScaledProgram.of(separable) instanceof ColumnScaledProgram scaled) {
            WarmStart inScaled = new WarmStart(scaled.toScaledCoordinates(start.point()), start.basis(), start.sides(),
                    start.note());
            return inUserUnits(solveUnscaled(scaled, inScaled), scaled);
        }
        return solveUnscaled(userProgram, start);
    }

    private SolveResult failed(String message) {
        return SolveResult.failed(message, (System.nanoTime() - startNanos) * 1e-9);
    }

    private SolveResult solveUnscaled(ReluProgram program, WarmStart start) {
        if (program instanceof SeparableProgram separable) {
            Presolver presolver = WalkStrategies.presolve(options);
            String owner = WalkStrategies.owner(options, PluginRole.PRESOLVE);
            WarmStart found;
            try {
                found = presolver.applies(separable) ? presolver.presolve(separable, start, this) : start;
            } catch (RuntimeException | StackOverflowError e) {
                return failed(owner + " threw " + WalkStrategies.StrategyFault.describe(e));
            }
            if (found != start) return finalAfterPresolve(separable, start, found);
        }
        stages.begin(SolveStages.FINAL);
        VertexWalk walk = newWalk(program, options);
        SolveResult result = start(walk, start);
        stages.end(walk, SolveStages.rows(program));
        result = new SolveResult(result.status(), result.objective(), result.point(), result.iterations(),
                result.regionChanges(), (System.nanoTime() - startNanos) * 1e-9, result.certificate(),
                withNote(result.message(), start.note()), stages.stages());
        return withStallNote(result, walk);
    }

    /** The final walk from the presolve's start; the plain walk when it gave none that works. */
    private SolveResult finalAfterPresolve(SeparableProgram program, WarmStart given, WarmStart found) {
        if (found != null && !budget.exhausted(options)) {
            long finalStart = System.nanoTime();
            stages.begin(SolveStages.FINAL);
            VertexWalk walk = newWalk(program, budget.remaining(options));
            SolveResult result = found.basis() != null ? walk.solveFrom(found.point(), found.basis(), found.sides())
                    : walk.solve(found.point());
            if (result != null) {
                stages.end(walk, program.rowCount());
                String note = (found.note().isEmpty() ? "" : found.note() + ", ") + "final walk on the full program "
                        + result.iterations() + " pivots" + degeneracy(walk) + " ("
                        + seconds(System.nanoTime() - finalStart) + " s)";
                return new SolveResult(result.status(), result.objective(), result.point(),
                        result.iterations() + budget.pivots, result.regionChanges(), budget.seconds(),
                        result.certificate(), withNote(result.message(), note), stages.stages());
            }
        }
        // the presolve found no usable basis: the plain walk with what is left of the limits, timed
        // from the start of the solve
        stages.begin(SolveStages.FINAL);
        VertexWalk walk = newWalk(program, budget.remaining(options));
        SolveResult plain = start(walk, given);
        stages.end(walk, SolveStages.rows(program));
        String note = "presolve gave no usable basis (" + budget.pivots + " pivots); plain walk "
                + plain.iterations() + " pivots" + degeneracy(walk);
        return new SolveResult(plain.status(), plain.objective(), plain.point(),
                plain.iterations() + budget.pivots, plain.regionChanges(), budget.seconds(), plain.certificate(),
                withNote(plain.message(), note), stages.stages());
    }

    private VertexWalk newWalk(ReluProgram program, SolverOptions limits) {
        return new VertexWalk(program, rule, limits, WalkStrategies.of(options), stages);
    }

    /** A walk from a start: at its basis when it has one that works there, else phase 1 from its point. */
    private static SolveResult start(VertexWalk walk, WarmStart start) {
        if (start.basis() != null) {
            SolveResult result = walk.solveFrom(start.point(), start.basis(), start.sides());
            if (result != null) return result;
        }
        return walk.solve(start.point());
    }

    // ---------------------------------------------------------------- SubproblemWalks, for the presolve

    @Override
    public Solved walk(String stage, SeparableProgram program, WarmStart start) {
        stages.begin(stage);
        VertexWalk walk = null;
        SolveResult result = null;
        if (start.basis() != null) {
            walk = newWalk(program, budget.remaining(options));
            result = walk.solveFrom(start.point(), start.basis(), start.sides());
        }
        if (result == null) {
            walk = newWalk(program, budget.remaining(options));
            result = walk.solve(start.point());
        }
        stages.end(walk, program.rowCount());
        budget.pivots += result.iterations();
        return new Solved(result.status(), result.point(), walk.criticalSet(), program.highSide().clone(),
                result.iterations());
    }

    @Override
    public boolean exhausted() {
        return budget.exhausted(options);
    }

    @Override
    public double tolerance() {
        return options.tolerance();
    }

    // ---------------------------------------------------------------- results

    /**
     * A result of the walk in scaled coordinates, in the user's: the point x = S u, and the
     * stationarity residual recomputed from the user's data. Objective, slopes along edges (per unit
     * of preactivation) and the dual are the same in both.
     */
    private static SolveResult inUserUnits(SolveResult result, ColumnScaledProgram scaled) {
        if (result.point() == null || result.point().length != scaled.dimension()) return result;
        double[] x = scaled.toProgramCoordinates(result.point());
        Certificate certificate = result.certificate();
        if (certificate != null && certificate.dual() != null) {
            double[] residual = new double[x.length];
            scaled.unscaled().stationarity(certificate.dual(), residual);
            double stationarity = 0;
            for (double r : residual) stationarity = Math.max(stationarity, Math.abs(r));
            certificate = new Certificate(certificate.minEdgeSlope(), certificate.slopeTolerance(), certificate.edges(),
                    certificate.flatDirections(), certificate.maxCriticalResidual(),
                    certificate.recomputedObjective(), certificate.dual(), certificate.dualMaxViolation(),
                    stationarity);
        }
        return new SolveResult(result.status(), result.objective(), x, result.iterations(), result.regionChanges(),
                result.seconds(), certificate, result.message(), result.stages());
    }

    /** A result's message with a note after it. */
    static String withNote(String message, String note) {
        if (note == null || note.isEmpty()) return message;
        return message == null || message.isEmpty() ? note : message + "; " + note;
    }

    /** Says so in the message when the walk stalled at a degenerate vertex (zero-length pivots). */
    private static SolveResult withStallNote(SolveResult result, VertexWalk walk) {
        WalkCounters c = walk.counters();
        if (c.rebalances == 0 && c.rulePivots == 0) return result;
        String note = "stalled at a degenerate vertex: " + result.iterations() + " pivots" + degeneracy(walk);
        return result.withMessage(withNote(result.message(), note));
    }

    /** A walk's zero-length pivots, when there were any, and what it did about stalls. */
    static String degeneracy(VertexWalk walk) {
        WalkCounters c = walk.counters();
        if (c.zeroSteps == 0) return "";
        return ", " + c.zeroSteps + " of them of zero length"
                + (c.rebalances == 0 ? "" : ", " + c.rebalances + " stall(s) met by re-siding the neurons at their kink")
                + (c.rulePivots == 0 ? "" : ", " + c.rulePivots + " by the anti-cycling rule");
    }

    /** Nanoseconds as seconds with three decimals. */
    static String seconds(long nanos) {
        long millis = Math.round(nanos * 1e-6);
        String fraction = Long.toString(1000 + millis % 1000).substring(1);
        return millis / 1000 + "." + fraction;
    }

    /**
     * The caller's time and pivot limits, shared by every stage of one solve: each walk gets what is
     * left of them, so that the presolve never stretches {@code maxIterations} or {@code timeLimitSeconds}.
     */
    static final class Budget {
        private final long startNanos;
        long pivots;

        Budget(long startNanos) {
            this.startNanos = startNanos;
        }

        double seconds() {
            return (System.nanoTime() - startNanos) * 1e-9;
        }

        SolverOptions remaining(SolverOptions options) {
            SolverOptions left = options.withMaxIterations(Math.max(0, options.maxIterations() - pivots));
            if (options.timeLimitSeconds() > 0) {
                left = left.withTimeLimitSeconds(Math.max(1e-9, options.timeLimitSeconds() - seconds()));
            }
            return left;
        }

        boolean exhausted(SolverOptions options) {
            return pivots >= options.maxIterations()
                    || (options.timeLimitSeconds() > 0 && seconds() >= options.timeLimitSeconds());
        }
    }
}

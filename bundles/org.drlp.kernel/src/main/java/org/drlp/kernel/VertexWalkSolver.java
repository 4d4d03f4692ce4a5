package org.drlp.kernel;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.drlp.api.Certificate;
import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.PluginChoice;
import org.drlp.api.SolveResult;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.drlp.spi.PluginRole;
import org.drlp.spi.ProblemForm;
import org.drlp.spi.Problem;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.SeparableProgram;
import org.drlp.spi.Solver;
import org.drlp.spi.SolverMethod;
import org.osgi.service.component.annotations.Component;

/** The vertex walk as the typed {@link Solver} service and as the solver method {@code vertex-walk}. */
@Component(service = {Solver.class, SolverMethod.class})
public final class VertexWalkSolver implements Solver, SolverMethod {

    private static final SolverOptions DEFAULTS = SolverOptions.defaults();

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.plugin("pivot", PluginRole.PIVOT.id(), "dantzig",
                    "the pivot rule: which improving edge to walk"),
            ParameterSpec.integer("maxIterations", DEFAULTS.maxIterations(), "pivots before ITERATION_LIMIT")
                    .withRange(0, false, Double.NaN, false),
            ParameterSpec.timeLimit("timeLimitSeconds", DEFAULTS.timeLimitSeconds(),
                    "wall-clock limit of one solve before TIME_LIMIT; 0 means none"),
            ParameterSpec.bool("passThrough", DEFAULTS.passThrough(),
                    "walk along the edge through breakpoints while the slope stays negative (convex separable "
                            + "programs: Barrodale-Roberts' weighted-median search; others: until a crossing would "
                            + "move a critical neuron)"),
            ParameterSpec.real("tolerance", DEFAULTS.tolerance(),
                    "relative zero tolerance for preactivations and slopes")
                    .withRange(0, true, 1e-2, true),
            ParameterSpec.integer("refactorInterval", (long) DEFAULTS.refactorInterval(),
                    "pivots between recomputations of the edge directions from scratch")
                    .withRange(1, false, Integer.MAX_VALUE, false),
            ParameterSpec.integer("zeroStepLimit", (long) DEFAULTS.zeroStepLimit(),
                    "consecutive zero-length steps that make a stall: the walk first gives the neurons at their kink "
                            + "balanced sides; if it stays stalled, Bland's anti-cycling rule takes over")
                    .withRange(1, false, Integer.MAX_VALUE, false),
            ParameterSpec.string("presolve", "auto",
                    "convex separable programs with many rows (regressions): solve a subsample, then the band of "
                            + "rows near its fit with the rest folded in (Portnoy-Koenker), then walk on the full "
                            + "program from that basis; auto does this from " + Presolve.AUTO_MIN_ROWS + " rows")
                    .withChoices("auto", "on", "off"));

    @Override
    public String name() {
        return "vertex-walk";
    }

    @Override
    public String description() {
        return "Deep ReLU Programming: walk induced vertices, changing region cheaply; ends with a certificate";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** Walks a program; a layer-by-layer problem has none. */
    @Override
    public Set<ProblemForm> acceptedForms() {
        return EnumSet.of(ProblemForm.PROGRAM, ProblemForm.SEPARABLE);
    }

    @Override
    public SolveResult solve(Problem problem, Parameters parameters, StepListener listener) {
        PluginChoice pivot = parameters.plugin("pivot");
        PivotRule pivotRule = pivot.provider(PivotRuleProvider.class).create(pivot.parameters());
        SolverOptions options = new SolverOptions(parameters.integer("maxIterations"),
                parameters.real("timeLimitSeconds"), parameters.bool("passThrough"), parameters.real("tolerance"),
                parameters.intValue("refactorInterval"), parameters.intValue("zeroStepLimit"));
        return solve(problem.program(), problem.start(), pivotRule, options, listener,
                Presolve.Mode.valueOf(parameters.string("presolve").toUpperCase(java.util.Locale.ROOT)));
    }

    @Override
    public SolveResult solve(ReluProgram program, double[] x0, PivotRule pivotRule, SolverOptions options,
                             StepListener listener) {
        return solve(program, x0, pivotRule, options, listener, Presolve.Mode.AUTO);
    }

    SolveResult solve(ReluProgram program, double[] x0, PivotRule pivotRule, SolverOptions options,
                      StepListener listener, Presolve.Mode presolve) {
        long start = System.nanoTime();
        try {
            return solveScaled(program, x0, pivotRule, options, listener, presolve, start);
        } catch (RuntimeException | StackOverflowError e) {
            return SolveResult.failed("solve stopped by " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    (System.nanoTime() - start) * 1e-9);
        }
    }

    /**
     * Separable programs are walked in column-scaled coordinates ({@link ColumnScaledProgram}) and
     * their results reported in the user's.
     */
    private static SolveResult solveScaled(ReluProgram program, double[] x0, PivotRule pivotRule,
                                           SolverOptions options, StepListener listener, Presolve.Mode presolve,
                                           long start) {
        if (program instanceof SeparableProgram separable && x0.length == program.dimension()
                && ColumnScaledProgram.of(separable) instanceof ColumnScaledProgram scaled) {
            return inUserUnits(solveUnscaled(scaled, scaled.toScaledCoordinates(x0), pivotRule, options, listener,
                    presolve, start), scaled);
        }
        return solveUnscaled(program, x0, pivotRule, options, listener, presolve, start);
    }

    /**
     * A result of the walk in scaled coordinates, in the user's: the point x = S u, and the
     * stationarity residual recomputed from the user's data. Objective, slopes along edges (per unit
     * of preactivation) and the dual are the same in both.
     */
    private static SolveResult inUserUnits(SolveResult result, ColumnScaledProgram scaled) {
        if (result.point() == null) return result;
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

    private static SolveResult solveUnscaled(ReluProgram program, double[] x0, PivotRule pivotRule,
                                             SolverOptions options, StepListener listener, Presolve.Mode presolve,
                                             long start) {
        SolveStages stages = new SolveStages(listener, start);
        if (program instanceof SeparableProgram separable && Presolve.applies(separable, options, presolve)) {
            Presolve.Budget budget = new Presolve.Budget(start);
            SolveResult result = Presolve.solve(separable, x0, pivotRule, options, stages, presolve, budget);
            if (result != null) return result;
            // the presolve found no usable basis: the plain walk with what is left of the limits,
            // timed from the start of the solve
            stages.begin(SolveStages.FINAL);
            VertexWalk walk = new VertexWalk(program, pivotRule, budget.remaining(options), stages);
            SolveResult plain = walk.solve(x0);
            stages.end(walk, SolveStages.rows(program));
            String note = "presolve gave no usable basis (" + budget.pivots + " pivots); plain walk "
                    + plain.iterations() + " pivots" + Presolve.degeneracy(walk);
            return new SolveResult(plain.status(), plain.objective(), plain.point(),
                    plain.iterations() + budget.pivots, plain.regionChanges(), budget.seconds(), plain.certificate(),
                    withNote(plain.message(), note), stages.stages());
        }
        stages.begin(SolveStages.FINAL);
        VertexWalk walk = new VertexWalk(program, pivotRule, options, stages);
        SolveResult result = walk.solve(x0);
        stages.end(walk, SolveStages.rows(program));
        return withStallNote(withStages(result, stages, start), walk);
    }

    /** A result's message with a note after it. */
    static String withNote(String message, String note) {
        return message == null || message.isEmpty() ? note : message + "; " + note;
    }

    /** The result with its stage, timed like a presolved solve: from the start of the solve, setup included. */
    private static SolveResult withStages(SolveResult result, SolveStages stages, long start) {
        return new SolveResult(result.status(), result.objective(), result.point(), result.iterations(),
                result.regionChanges(), (System.nanoTime() - start) * 1e-9, result.certificate(), result.message(),
                stages.stages());
    }

    /** Says so in the message when the walk stalled at a degenerate vertex (zero-length pivots). */
    private static SolveResult withStallNote(SolveResult result, VertexWalk walk) {
        if (walk.rebalanceCount() == 0 && walk.blandPivotCount() == 0) return result;
        String note = "stalled at a degenerate vertex: " + result.iterations() + " pivots" + Presolve.degeneracy(walk);
        return result.withMessage(withNote(result.message(), note));
    }
}

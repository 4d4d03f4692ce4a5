package org.drlp.kernel;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            ParameterSpec.real("tolerance", DEFAULTS.tolerance(),
                    "relative zero tolerance for preactivations and slopes")
                    .withRange(0, true, 1e-2, true),
            ParameterSpec.plugin("lineSearch", PluginRole.LINE_SEARCH.id(), ShippedStrategies.DEFAULTS.get("lineSearch"),
                    "how far along the chosen edge: harris (first breakpoint), weighted-median (convex separable "
                            + "programs), crossing (networks), auto (the one that fits the program)"),
            ParameterSpec.plugin("antiCycling", PluginRole.ANTI_CYCLING.id(),
                    ShippedStrategies.DEFAULTS.get("antiCycling"),
                    "who chooses at a stall of zero-length pivots: bland-after, random-after, none"),
            ParameterSpec.plugin("start", PluginRole.START.id(), ShippedStrategies.DEFAULTS.get("start"),
                    "where the walk starts: phase-1 from the model's point, or point (a given point)"),
            ParameterSpec.plugin("presolve", PluginRole.PRESOLVE.id(), ShippedStrategies.DEFAULTS.get("presolve"),
                    "solve smaller programs first to find the final walk's start: portnoy-koenker, none"),
            ParameterSpec.plugin("refactor", PluginRole.REFACTOR.id(), ShippedStrategies.DEFAULTS.get("refactor"),
                    "when to recompute the edge directions from the data: every, adaptive"));

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
    public String iterationUnit() {
        return "pivots";
    }

    @Override
    public SolveResult solve(Problem problem, Parameters parameters, StepListener listener) {
        PluginChoice pivot = parameters.plugin("pivot");
        PivotRule pivotRule = pivot.provider(PivotRuleProvider.class).create(pivot.parameters());
        SolverOptions options = options(parameters);
        long start = System.nanoTime();
        SolveResult first = solve(problem.program(), problem.start(), problem.parameterNames(), pivotRule, options,
                listener);
        // a further walk the problem asks for starts where it says, not where the spec's start strategy would
        SolverOptions further = options.withStrategy(ShippedStrategies.defaultOf(PluginRole.START.id()));
        try {
            return problem.conclude(first, new ContinuedWalks(listener, start, first.iterations(),
                    (program, x0, stages) -> solve(program, x0, List.of(), pivotRule, further, stages)));
        } catch (RuntimeException | StackOverflowError e) {
            return SolveResult.failed("concluding the problem stopped by " + e.getClass().getSimpleName() + ": "
                    + e.getMessage(), (System.nanoTime() - start) * 1e-9);
        }
    }

    /** The typed options of a spec's parameters: limits, tolerance and the strategies chosen. */
    static SolverOptions options(Parameters parameters) {
        SolverOptions options = new SolverOptions(parameters.integer("maxIterations"),
                parameters.real("timeLimitSeconds"), parameters.real("tolerance"), Map.of());
        for (PluginRole<?> role : ShippedStrategies.ROLES) {
            if (parameters.has(role.id())) options = options.withStrategy(parameters.plugin(role.id()));
        }
        return options;
    }

    @Override
    public SolveResult solve(ReluProgram program, double[] x0, PivotRule pivotRule, SolverOptions options,
                             StepListener listener) {
        return solve(program, x0, List.of(), pivotRule, options, listener);
    }

    private static SolveResult solve(ReluProgram program, double[] x0, List<String> names, PivotRule pivotRule,
                                     SolverOptions options, StepListener listener) {
        long start = System.nanoTime();
        try {
            return new SolveRun(program, pivotRule, options, listener, start).solve(x0, names);
        } catch (WalkStrategies.StrategyFault e) {
            return SolveResult.failed(e.getMessage(), (System.nanoTime() - start) * 1e-9);
        } catch (RuntimeException | StackOverflowError e) {
            return SolveResult.failed("solve stopped by " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    (System.nanoTime() - start) * 1e-9);
        }
    }
}

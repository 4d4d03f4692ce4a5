package org.drlp.model.relu;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.drlp.api.ForwardingStepListener;
import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.PluginChoice;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.drlp.spi.PluginRole;
import org.drlp.spi.ProblemForm;
import org.drlp.spi.Problem;
import org.drlp.spi.Solver;
import org.drlp.spi.SolverMethod;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code block-coordinate}: solves a {@code relu-layerwise} problem one layer at a time with the
 * vertex walk (the {@link Solver} service), each block starting where the last one ended. A block's
 * end point is taken only if it does not raise the loss, so the loss never rises across the
 * schedule. The end point is a blockwise local minimum at best: no joint certificate exists. A
 * block stopped by {@code maxIterations} does not end the schedule (its point is taken if it is not
 * higher, and the next layer is walked), so that every layer is trained under a pivot budget; the
 * run then ends ITERATION_LIMIT. Any other uncertified end of a block ends the schedule.
 *
 * <p>{@code timeLimitSeconds} is the limit of the whole schedule, as for every method: each block
 * gets an equal share of the time left ({@code left / blocks still to walk}, so that what a block
 * leaves unused goes to the later ones), a block stopped at its share does not end the schedule,
 * and when the time is up the run ends TIME_LIMIT at the lowest point so far.
 */
@Component(service = SolverMethod.class, property = "name=block-coordinate")
public final class BlockCoordinateMethod implements SolverMethod {

    static final String NAME = "block-coordinate";

    private static final SolverOptions DEFAULTS = SolverOptions.defaults();

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.plugin("pivot", PluginRole.PIVOT.id(), "dantzig", "the pivot rule of each block's walk"),
            ParameterSpec.integer("maxIterations", DEFAULTS.maxIterations(), "pivots per block before ITERATION_LIMIT")
                    .withRange(0, false, Double.NaN, false),
            ParameterSpec.timeLimit("timeLimitSeconds", 0.0, "wall-clock limit of the whole schedule, shared out among "
                    + "the blocks left; 0 means none"),
            ParameterSpec.real("tolerance", DEFAULTS.tolerance(), "relative zero tolerance of the vertex walk")
                    .withRange(0, true, 1e-2, true));

    private final Solver solver;

    @Activate
    public BlockCoordinateMethod(@Reference Solver solver) {
        this.solver = solver;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "block-coordinate descent for relu-layerwise: the vertex walk on one layer at a time; loss never rises";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** Solves the layers of a relu-layerwise problem in turn, and nothing else. */
    @Override
    public Set<ProblemForm> acceptedForms() {
        return EnumSet.of(ProblemForm.LAYERWISE);
    }

    @Override
    public String iterationUnit() {
        return "pivots";
    }

    @Override
    public SolveResult solve(Problem problem, Parameters parameters, StepListener listener) {
        long start = System.nanoTime();
        if (!(problem instanceof LayerwiseProblem layerwise)) {
            return SolveResult.failed("method \"" + NAME + "\" solves only model \"" + ReluLayerwiseModel.NAME + "\"", 0);
        }
        SolverOptions options = DEFAULTS.withMaxIterations(parameters.integer("maxIterations"))
                .withTimeLimitSeconds(parameters.real("timeLimitSeconds"))
                .withTolerance(parameters.real("tolerance"));
        PluginChoice pivot = parameters.plugin("pivot");
        PivotRule pivotRule = pivot.provider(PivotRuleProvider.class).create(pivot.parameters());
        return new Schedule(layerwise, pivotRule, options, listener == null ? StepListener.NONE : listener, start).run();
    }

    /** One run through the schedule; keeps the counters that the steps of all blocks share. */
    private final class Schedule {
        private final LayerwiseProblem problem;
        private final PivotRule rule;
        private final SolverOptions options;
        private final StepListener listener;
        private final long start;
        private long iterations;
        private long regionChanges;

        Schedule(LayerwiseProblem problem, PivotRule rule, SolverOptions options, StepListener listener, long start) {
            this.problem = problem;
            this.rule = rule;
            this.options = options;
            this.listener = listener;
            this.start = start;
        }

        SolveResult run() {
            double[] point = problem.start();
            List<Integer> schedule = problem.schedule();
            double loss = Double.NaN;
            double roundStart = Double.NaN;
            int perRound = problem.roundLength();
            StringBuilder limited = new StringBuilder(), timed = new StringBuilder();
            double limit = options.timeLimitSeconds();
            for (int step = 0; step < schedule.size(); step++) {
                int layer = schedule.get(step);
                SolverOptions blockOptions = options;
                if (limit > 0) {
                    double left = limit - (System.nanoTime() - start) * 1e-9;
                    if (left <= 0) {
                        return result(SolveStatus.TIME_LIMIT, "time limit " + limit + " s reached after " + step + " of "
                                + schedule.size() + " blocks", loss, point);
                    }
                    blockOptions = options.withTimeLimitSeconds(left / (schedule.size() - step));
                }
                LayerTrainingProgram program = problem.blockProgram(layer, point);
                double[] theta = problem.block(layer, point);
                if (step == 0) {
                    program.reset(theta);
                    loss = program.value();
                    listener.onStep(0, loss, 0, -1, -1, 0, 0);
                }
                if (step % perRound == 0) roundStart = loss;
                long offset = iterations;
                // forwards stop requests (and plugin faults) to the block's walk
                SolveResult block = solver.solve(program, theta, rule, blockOptions, new ForwardingStepListener(listener) {
                    @Override
                    public void onStep(long iteration, double objective, double length, int entering, int leaving,
                                       int flips, long nanos) {
                        if (iteration > 0) {
                            next.onStep(offset + iteration, objective, length, entering, leaving, flips,
                                    System.nanoTime() - start);
                        }
                    }

                    @Override
                    public void onStage(String stage) {
                        // the blocks' inner stages are not the schedule's
                    }
                });
                iterations += block.iterations();
                regionChanges += block.regionChanges();
                // why the guard: a block that ends in trouble may stop anywhere; the schedule must not lose ground
                if (block.point().length == theta.length && block.objective() <= loss) {
                    problem.setBlock(layer, block.point(), point);
                    loss = block.objective();
                }
                if (block.status() == SolveStatus.ITERATION_LIMIT) {
                    limited.append(limited.length() == 0 ? "" : ", ").append("layer ").append(layer)
                            .append(" (step ").append(step + 1).append(')');
                } else if (block.status() == SolveStatus.TIME_LIMIT && limit > 0) {
                    timed.append(timed.length() == 0 ? "" : ", ").append("layer ").append(layer)
                            .append(" (step ").append(step + 1).append(')');
                } else if (!block.status().isCertified()) {
                    return result(block.status(), "layer " + layer + " (step " + (step + 1) + " of " + schedule.size()
                            + "): " + block.message(), loss, point);
                }
            }
            if (timed.length() > 0) {
                return result(SolveStatus.TIME_LIMIT, "schedule done; blocks stopped at their share of the time limit "
                        + limit + " s: " + timed + (limited.length() > 0 ? "; at maxIterations: " + limited : ""),
                        loss, point);
            }
            if (limited.length() > 0) {
                return result(SolveStatus.ITERATION_LIMIT, "schedule done; blocks stopped at maxIterations "
                        + options.maxIterations() + ": " + limited, loss, point);
            }
            String message = loss < roundStart
                    ? "schedule done; the last round still lowered the loss"
                    : "schedule done; blockwise local minimum: no scheduled layer alone can lower the loss";
            return result(SolveStatus.COMPLETED, message, loss, point); // every block done; no joint certificate
        }

        private SolveResult result(SolveStatus status, String message, double loss, double[] point) {
            return new SolveResult(status, loss, point, iterations, regionChanges, (System.nanoTime() - start) * 1e-9,
                    null, message);
        }
    }
}

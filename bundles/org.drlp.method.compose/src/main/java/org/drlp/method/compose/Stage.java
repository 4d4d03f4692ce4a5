package org.drlp.method.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drlp.api.ForwardingStepListener;
import org.drlp.api.ParameterMeaning;
import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.PluginChoice;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStage;
import org.drlp.api.SolveStatus;
import org.drlp.api.StepListener;
import org.drlp.spi.Problem;
import org.drlp.spi.SolverMethod;

/**
 * One inner solve of a composed method: the chosen method run with its own parameters, its time
 * limit cut to the share it is given, its steps passed on with the iterations and time of the
 * stages before it added, and its stage names prefixed with its own.
 */
final class Stage {

    private final String name;
    private final SolverMethod method;
    private final Parameters parameters;

    /** @param name how trace.csv and the result's stages name it, for example {@code adam} or {@code restart-2} */
    Stage(String name, PluginChoice choice) {
        this.name = name;
        this.method = choice.provider(SolverMethod.class);
        this.parameters = choice.parameters();
    }

    String name() {
        return name;
    }

    /**
     * Runs the stage.
     *
     * @param seconds          wall-clock share of this stage; 0 or less: none (its own limit holds)
     * @param iterationsBefore iterations of the stages before, added to this one's in the listener
     * @param nanosBefore      time of the solve before this stage, added to this one's in the listener
     */
    SolveResult solve(Problem problem, double seconds, StepListener listener,
                      long iterationsBefore, long nanosBefore) {
        listener.onStage(name);
        StepListener shifted = new ForwardingStepListener(listener) {
            @Override
            public void onStep(long iteration, double objective, double step, int entering, int leaving,
                               int regionChanges, long elapsedNanos) {
                next.onStep(iterationsBefore + iteration, objective, step, entering, leaving, regionChanges,
                        nanosBefore + elapsedNanos);
            }

            @Override
            public void onStage(String stage) {
                next.onStage(name + "/" + stage);
            }
        };
        SolveResult result = method.solve(problem, limited(seconds), shifted);
        if (result == null) return SolveResult.failed(name + ": solver method returned no result", 0);
        return result;
    }

    /** Whether the result has an end point to go on from (a failed solve has none). */
    static boolean hasPoint(Problem problem, SolveResult result) {
        return result.status() != SolveStatus.FAILED && result.point().length == problem.program().dimension()
                && Double.isFinite(result.objective());
    }

    /** The program's objective at the point, evaluated afresh. */
    static double evaluate(Problem problem, double[] point) {
        problem.program().reset(point);
        return problem.program().value();
    }

    /**
     * The stage's counters, its own stages prefixed with its name; a method that keeps none (Adam)
     * is one stage whose pivots are its iterations.
     */
    List<SolveStage> stagesOf(SolveResult result) {
        if (result.stages().isEmpty()) {
            return List.of(new SolveStage(name, 0, result.iterations(), result.seconds(), 0, 0, 0, 0, 0,
                    result.regionChanges(), 0, 0, 0, 0, 0, 0));
        }
        List<SolveStage> stages = new ArrayList<>();
        for (SolveStage s : result.stages()) {
            stages.add(s.withName(name + "/" + s.name()));
        }
        return stages;
    }

    /** The parameters with every declared time limit cut to {@code seconds} (a limit of 0 means none). */
    private Parameters limited(double seconds) {
        if (!(seconds > 0)) return parameters;
        Map<String, Object> values = new LinkedHashMap<>(parameters.asMap());
        boolean changed = false;
        for (ParameterSpec spec : method.parameters()) {
            if (spec.meaning() != ParameterMeaning.TIME_LIMIT) continue;
            Object own = values.get(spec.name());
            double limit = own instanceof Number n && n.doubleValue() > 0 ? Math.min(n.doubleValue(), seconds) : seconds;
            values.put(spec.name(), Math.max(limit, 1e-3)); // a limit of 0 would mean none
            changed = true;
        }
        if (!changed) return parameters;
        return Parameters.resolve(parameters.owner(), method.parameters(), values, parameters.baseDirectory());
    }
}

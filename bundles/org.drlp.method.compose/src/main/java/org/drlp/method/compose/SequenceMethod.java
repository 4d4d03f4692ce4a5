package org.drlp.method.compose;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStage;
import org.drlp.api.StepListener;
import org.drlp.spi.ForwardingProblem;
import org.drlp.spi.PluginRole;
import org.drlp.spi.Problem;
import org.drlp.spi.ProblemForm;
import org.drlp.spi.SolverMethod;
import org.osgi.service.component.annotations.Component;

/**
 * {@code sequence}: runs the method {@code first}, then the method {@code then} from the point the
 * first ended at, for example Adam to travel and the vertex walk to polish to a certified local
 * minimum. Longer chains nest ({@code "then": {"type": "sequence", ...}}). The result is the last
 * stage's (its status and certificate) unless that stage ended higher than it started (it failed
 * or was cut short before it got back down), when the first stage's point is kept: the loss never
 * rises across stages. Iterations add up: epochs of a gradient stage, pivots of a walk; the
 * result's stages tell them apart.
 */
@Component(service = SolverMethod.class, property = "name=" + SequenceMethod.NAME)
public final class SequenceMethod implements SolverMethod {

    static final String NAME = "sequence";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.plugin("first", PluginRole.METHOD.id(), "adam", "the method that runs first, from the model's start point"),
            ParameterSpec.plugin("then", PluginRole.METHOD.id(), "vertex-walk",
                    "the method that runs next, from the point the first ended at"),
            ParameterSpec.real("fraction", 0.8, "share of timeLimitSeconds given to the first method; "
                    + "the second gets what is left").withRange(0, true, 1, true),
            ParameterSpec.timeLimit("timeLimitSeconds", 0.0,
                    "wall-clock limit of the whole sequence; 0 means none (each method's own limit holds)"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "method first, then method then from where it ended (adam, then vertex-walk); the loss never rises";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** Every stage goes on from a point of the same program, so there must be one. */
    @Override
    public Set<ProblemForm> acceptedForms() {
        return EnumSet.of(ProblemForm.PROGRAM, ProblemForm.SEPARABLE);
    }

    @Override
    public SolveResult solve(Problem problem, Parameters parameters, StepListener listener) {
        long start = System.nanoTime();
        StepListener steps = listener == null ? StepListener.NONE : listener;
        double limit = parameters.real("timeLimitSeconds");
        Stage first = new Stage(parameters.plugin("first").name(), parameters.plugin("first"));
        Stage then = new Stage(parameters.plugin("then").name(), parameters.plugin("then"));
        SolveResult a = first.solve(problem, limit * parameters.real("fraction"), steps, 0, 0);
        if (!Stage.hasPoint(problem, a)) return a.withMessage(first.name() + ": " + a.message());
        double left = limit > 0 ? Math.max(limit - seconds(start), 1e-3) : 0;
        SolveResult b = then.solve(ForwardingProblem.startingAt(problem, a.point()), left, steps, a.iterations(),
                System.nanoTime() - start);
        List<SolveStage> stages = new ArrayList<>(first.stagesOf(a));
        stages.addAll(then.stagesOf(b));
        // compared at fresh evaluations, so that a drifted walk cannot claim a lower loss than it has
        boolean keepsSecond = Stage.hasPoint(problem, b)
                && Stage.evaluate(problem, b.point()) <= Stage.evaluate(problem, a.point());
        SolveResult kept = keepsSecond ? b : a;
        String message = first.name() + " " + a.status() + " at " + a.objective() + " after " + a.iterations()
                + " iterations; " + then.name() + " " + b.status() + (Stage.hasPoint(problem, b) ? " at " + b.objective() : "")
                + " after " + b.iterations() + " iterations, " + String.format(java.util.Locale.ROOT, "%.3f", b.seconds())
                + " s" + (keepsSecond ? "" : "; kept the point of " + first.name() + " (" + b.message() + ")")
                + (kept.message().isEmpty() ? "" : "; " + kept.message());
        return new SolveResult(kept.status(), kept.objective(), kept.point(), a.iterations() + b.iterations(),
                a.regionChanges() + b.regionChanges(), seconds(start), kept.certificate(), message, stages);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}

package org.drlp.method.compose;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

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
 * {@code basin-hopping}: perturbation restarts of a local method. The method {@code local} runs from
 * the model's start; then, {@code restarts} times while time is left, the best point so far is
 * perturbed (a seeded Gaussian step of each coordinate, {@code perturbation} times the point's root
 * mean square) and {@code local} runs again from there. A restart's end replaces the best only
 * when it is certified (a local minimum or optimum) and lower, so the best never rises and the
 * result carries the certificate of its own point. The message lists every restart's objective.
 */
@Component(service = SolverMethod.class, property = "name=" + BasinHoppingMethod.NAME)
public final class BasinHoppingMethod implements SolverMethod {

    static final String NAME = "basin-hopping";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.plugin("local", PluginRole.METHOD.id(), "vertex-walk",
                    "the method run from the start and from every perturbed point; it should certify its end"),
            ParameterSpec.integer("restarts", 10L, "perturbed restarts after the first run")
                    .withRange(0, false, Integer.MAX_VALUE, false),
            ParameterSpec.real("perturbation", 0.1, "standard deviation of the step of each coordinate, relative "
                    + "to the root mean square of the best point (1 when that is 0)").withRange(0, true, Double.NaN, false),
            ParameterSpec.seed("seed", 1L, "seed of the perturbations; the same seed gives the same restarts"),
            ParameterSpec.timeLimit("timeLimitSeconds", 0.0,
                    "wall-clock limit of all runs together; 0 means none (the local method's own limit holds per run)"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "perturbation restarts of a local method (vertex-walk), keeping the best certified point";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** Restarts perturb a point of the program, so there must be one. */
    @Override
    public Set<ProblemForm> acceptedForms() {
        return EnumSet.of(ProblemForm.PROGRAM, ProblemForm.SEPARABLE);
    }

    @Override
    public SolveResult solve(Problem problem, Parameters parameters, StepListener listener) {
        return hop(problem, parameters, listener).result();
    }

    /** The result and the objective each run ended at (the first run, then each restart; NaN: no point). */
    record Hops(SolveResult result, double[] objectives, double[] bestSoFar) {
    }

    Hops hop(Problem problem, Parameters parameters, StepListener listener) {
        long start = System.nanoTime();
        StepListener steps = listener == null ? StepListener.NONE : listener;
        double limit = parameters.real("timeLimitSeconds");
        long restarts = parameters.integer("restarts");
        double scale = parameters.real("perturbation");
        SplittableRandom random = new SplittableRandom(parameters.integer("seed"));
        Stage first = new Stage("start", parameters.plugin("local"));
        SolveResult best = first.solve(problem, limit, steps, 0, 0);
        List<SolveStage> stages = new ArrayList<>(first.stagesOf(best));
        List<Double> objectives = new ArrayList<>(), bestSoFar = new ArrayList<>();
        objectives.add(Stage.hasPoint(problem, best) ? best.objective() : Double.NaN);
        bestSoFar.add(best.objective());
        if (!Stage.hasPoint(problem, best)) {
            return new Hops(best.withMessage("first run: " + best.message()), toArray(objectives), toArray(bestSoFar));
        }
        long iterations = best.iterations(), regionChanges = best.regionChanges();
        StringBuilder history = new StringBuilder("objectives: start " + format(best.objective()));
        for (long r = 1; r <= restarts; r++) {
            double left = limit > 0 ? limit - seconds(start) : 0;
            if (limit > 0 && left <= 0) {
                history.append("; time limit reached after ").append(r - 1).append(" restarts");
                break;
            }
            Stage restart = new Stage("restart-" + r, parameters.plugin("local"));
            SolveResult hop = restart.solve(ForwardingProblem.startingAt(problem, perturbed(best.point(), scale, random)), 
                    left, steps, iterations, System.nanoTime() - start);
            stages.addAll(restart.stagesOf(hop));
            iterations += hop.iterations();
            regionChanges += hop.regionChanges();
            boolean usable = Stage.hasPoint(problem, hop);
            objectives.add(usable ? hop.objective() : Double.NaN);
            boolean better = usable && hop.status().isCertified() && hop.objective() < best.objective();
            history.append(", ").append(usable ? format(hop.objective()) : "none").append(' ')
                    .append(hop.status()).append(better ? " (new best)" : "");
            if (better) best = hop;
            bestSoFar.add(best.objective());
        }
        String message = "best " + format(best.objective()) + " " + best.status() + "; " + history
                + (best.message().isEmpty() ? "" : "; " + best.message());
        SolveResult result = new SolveResult(best.status(), best.objective(), best.point(), iterations, regionChanges,
                seconds(start), best.certificate(), message, stages);
        return new Hops(result, toArray(objectives), toArray(bestSoFar));
    }

    /** The point plus a Gaussian step of each coordinate, scaled by the point's root mean square. */
    static double[] perturbed(double[] point, double scale, SplittableRandom random) {
        double squares = 0;
        for (double v : point) squares += v * v;
        double rms = point.length == 0 ? 0 : Math.sqrt(squares / point.length);
        double sigma = scale * (rms > 0 ? rms : 1);
        double[] out = point.clone();
        for (int c = 0; c < out.length; c++) out[c] += sigma * gaussian(random);
        return out;
    }

    /** A standard normal draw (Box-Muller): SplittableRandom has none, and it keeps the restarts seeded. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble(); // in (0, 1], so that the log is finite
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}

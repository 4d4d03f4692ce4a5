package org.drlp.model.relu;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.StepListener;
import org.drlp.spi.ProblemForm;
import org.drlp.spi.Problem;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.SolverMethod;
import org.osgi.service.component.annotations.Component;

/**
 * {@code adam}: the gradient baseline. Full-batch subgradient Adam on the program's objective, using
 * only {@link ReluProgram#reset}, {@link ReluProgram#value} and {@link ReluProgram#gradient} (the
 * gradient of the region the iterate lies in, a subgradient at kinks). Returns the best iterate.
 * It has no stopping rule of its own and certifies nothing: having run every requested epoch it
 * ends COMPLETED (not ITERATION_LIMIT, which says a method's own rule was cut short); else
 * TIME_LIMIT or NUMERICAL_FAILURE. On a {@code relu-layerwise} problem it trains every scheduled
 * layer jointly ({@link JointTraining}, back-propagation), as PyTorch users train.
 */
@Component(service = SolverMethod.class, property = "name=adam")
public final class AdamMethod implements SolverMethod {

    private static final double EPSILON = 1e-8;

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.real("learningRate", 0.01, "step size of Adam").withRange(0, true, Double.NaN, false),
            ParameterSpec.integer("epochs", 1000L, "full-batch steps").withRange(1, false, Double.NaN, false),
            ParameterSpec.real("beta1", 0.9, "decay of the first-moment estimate").withRange(0, false, 1, true),
            ParameterSpec.real("beta2", 0.999, "decay of the second-moment estimate").withRange(0, false, 1, true),
            ParameterSpec.timeLimit("timeLimitSeconds", 0.0, "wall-clock limit before TIME_LIMIT; 0 means none"));

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public String description() {
        return "baseline: full-batch subgradient Adam on the same objective; best iterate, no certificate";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** Descends a program, or the scheduled layers of a layer-by-layer problem jointly. */
    @Override
    public Set<ProblemForm> acceptedForms() {
        return EnumSet.of(ProblemForm.PROGRAM, ProblemForm.SEPARABLE, ProblemForm.LAYERWISE);
    }

    /** What Adam needs of an objective: the value and a (sub)gradient at a point. */
    interface Descent {
        int dimension();

        void reset(double[] x);

        double value();

        void gradient(double[] out);
    }

    private static Descent of(ReluProgram program) {
        return new Descent() {
            @Override
            public int dimension() {
                return program.dimension();
            }

            @Override
            public void reset(double[] x) {
                program.reset(x);
            }

            @Override
            public double value() {
                return program.value();
            }

            @Override
            public void gradient(double[] out) {
                program.gradient(out);
            }
        };
    }

    @Override
    public String iterationUnit() {
        return "epochs";
    }

    @Override
    public SolveResult solve(Problem problem, Parameters parameters, StepListener listener) {
        long start = System.nanoTime();
        StepListener steps = listener == null ? StepListener.NONE : listener;
        try {
            Descent objective = problem instanceof LayerwiseProblem layerwise ? layerwise.joint() : of(problem.program());
            return run(objective, problem.start(), parameters, steps, start);
        } catch (RuntimeException e) {
            return SolveResult.failed("adam stopped by " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    seconds(start));
        }
    }

    private static SolveResult run(Descent program, double[] x0, Parameters parameters, StepListener steps,
                                   long start) {
        double rate = parameters.real("learningRate");
        long epochs = parameters.integer("epochs");
        double beta1 = parameters.real("beta1"), beta2 = parameters.real("beta2");
        double timeLimit = parameters.real("timeLimitSeconds");
        int n = program.dimension();
        double[] x = x0.clone(), g = new double[n], m = new double[n], v = new double[n];
        program.reset(x);
        double objective = program.value();
        double best = objective;
        double[] bestPoint = x.clone();
        steps.onStep(0, objective, 0, -1, -1, 0, 0);
        double decay1 = 1, decay2 = 1;
        long epoch = 0;
        while (epoch < epochs) {
            if (timeLimit > 0 && seconds(start) > timeLimit) {
                return result(SolveStatus.TIME_LIMIT, "time limit " + timeLimit + " s reached", best, bestPoint, epoch, start);
            }
            if (steps.stopRequested()) {
                return result(SolveStatus.INTERRUPTED, "interrupted after " + epoch + " epochs: stopped on request", best,
                        bestPoint, epoch, start);
            }
            program.gradient(g);
            decay1 *= beta1;
            decay2 *= beta2;
            double stepSquared = 0;
            for (int c = 0; c < n; c++) {
                m[c] = beta1 * m[c] + (1 - beta1) * g[c];
                v[c] = beta2 * v[c] + (1 - beta2) * g[c] * g[c];
                double step = rate * (m[c] / (1 - decay1)) / (Math.sqrt(v[c] / (1 - decay2)) + EPSILON);
                x[c] -= step;
                stepSquared += step * step;
            }
            program.reset(x);
            objective = program.value();
            epoch++;
            if (!Double.isFinite(objective)) {
                return result(SolveStatus.NUMERICAL_FAILURE, "objective became " + objective + " at epoch " + epoch,
                        best, bestPoint, epoch, start);
            }
            if (objective < best) {
                best = objective;
                System.arraycopy(x, 0, bestPoint, 0, n);
            }
            steps.onStep(epoch, objective, Math.sqrt(stepSquared), -1, -1, 0, System.nanoTime() - start);
        }
        return result(SolveStatus.COMPLETED, epochs + " epochs done; best iterate returned (no certificate)", best, bestPoint,
                epoch, start);
    }

    private static SolveResult result(SolveStatus status, String message, double objective, double[] point,
                                      long epochs, long start) {
        return new SolveResult(status, objective, point, epochs, 0, seconds(start), null, message);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}

package org.drlp.model.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.math3.exception.MathRuntimeException;
import org.drlp.api.Certificate;
import org.drlp.api.CoefficientTable;
import org.drlp.api.ParameterSpec;
import org.drlp.api.ParameterType;
import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.spi.CheckContext;
import org.drlp.spi.Dataset;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.ProblemForm;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.Solver;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The model {@code linear}: fit = a . beta (+ intercept), any piecewise-linear loss of the residual. */
@Component(service = ModelProvider.class)
public final class LinearModelProvider implements ModelProvider {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.bool("intercept", true, "fit an intercept (named \"intercept\" in the results)"),
            ParameterSpec.list("features", ParameterType.STRING_LIST, null,
                    "feature columns to use, in this order; default: every feature of the data").asOptional(),
            // coefficient inference (issue 16)
            ParameterSpec.string("inference", null, "standard errors and intervals of the coefficients, as R's "
                    + "summary.rq(se = ...); default: rank below " + Inferences.RANK_BELOW_ROWS + " rows, else nid; "
                    + "none for a loss without a quantile level").withChoices(Inferences.NAMES.toArray(String[]::new))
                    .asOptional(),
            ParameterSpec.real("level", 0.95, "confidence level of the coefficients' intervals")
                    .withRange(0, true, 1, true),
            // the rank inversion's and the bootstrap's own parameters
            ParameterSpec.bool("rankIid", true, "rank inversion: iid errors (R's iid = TRUE); false: local densities "
                    + "from the fits at tau +- the Hall-Sheather bandwidth (R's nid)"),
            ParameterSpec.integer("bootstrapReplicates", 200L, "bootstrap: number of replicates (R's R)")
                    .withRange(2, false, Integer.MAX_VALUE, false),
            ParameterSpec.string("bootstrapMethod", "xy", "bootstrap: xy (pairs, R's default) or wild (R's \"wild\")")
                    .withChoices("xy", "wild"),
            ParameterSpec.seed("bootstrapSeed", 1L, "bootstrap: seed of the draws"));

    /** The kernel's vertex walk, for the bootstrap's replicates and the nid fits; null when constructed by hand. */
    @Reference
    private Solver solver;

    public LinearModelProvider() {
    }

    /** With the kernel's solver, as DS would inject it (for tests). */
    LinearModelProvider(Solver solver) {
        this.solver = solver;
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String description() {
        return "linear regression with a piecewise-linear loss (LAD, quantile, epsilon-insensitive, ...)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** A sum of the loss over the rows' residuals: separable. */
    @Override
    public ProblemForm problemForm(Parameters parameters) {
        return ProblemForm.SEPARABLE;
    }

    /**
     * Something to fit (an intercept or a feature), and every listed feature in the data, when the
     * data source can tell its features before loading.
     */
    @Override
    public void check(Parameters parameters, CheckContext context) {
        Optional<List<String>> data = context.featureNames();
        List<String> features = parameters.has("features") ? parameters.strings("features") : data.orElse(null);
        if (!parameters.bool("intercept") && features != null && features.isEmpty()) {
            context.problem("intercept", "no intercept and no features: nothing to fit"
                    + (parameters.has("features") ? "" : " (the data has no feature columns)"));
        }
        if (data.isEmpty() || !parameters.has("features")) return;
        for (String feature : features) {
            if (!data.get().contains(feature)) {
                context.problem("features", unknownFeature(feature, data.get()));
            }
        }
    }

    private static String unknownFeature(String feature, List<String> data) {
        return "unknown feature \"" + feature + "\"; the data has " + (data.isEmpty() ? "none" : String.join(", ", data));
    }

    @Override
    public Problem build(Dataset data, PiecewiseLinearLoss loss, Parameters parameters) {
        List<String> features = parameters.has("features") ? parameters.strings("features") : data.featureNames();
        int[] columns = new int[features.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = data.featureNames().indexOf(features.get(c));
            if (columns[c] < 0) {
                throw new IllegalArgumentException("model \"linear\": " + unknownFeature(features.get(c), data.featureNames()));
            }
        }
        boolean intercept = parameters.bool("intercept");
        int n = columns.length + (intercept ? 1 : 0);
        if (n == 0) throw new IllegalArgumentException("model \"linear\": no features and no intercept");
        double[] design = new double[data.rows() * n];
        for (int i = 0; i < data.rows(); i++) {
            for (int c = 0; c < columns.length; c++) design[i * n + c] = data.feature(i, columns[c]);
            if (intercept) design[i * n + n - 1] = 1;
        }
        List<String> names = new ArrayList<>(features);
        if (intercept) names.add("intercept");
        double[] target = data.target().clone();
        ReluProgram program = new PiecewiseLinearRegression(design, target, n, loss);
        List<String> parameterNames = List.copyOf(names);
        double tau = QuantileFit.tauOf(loss);
        String inference = inference(parameters, data.rows(), tau);
        double level = parameters.real("level");
        Problem problem = new Problem() {
            @Override
            public ReluProgram program() {
                return program;
            }

            @Override
            public double[] start() {
                return new double[n];
            }

            @Override
            public List<String> parameterNames() {
                return parameterNames;
            }

            @Override
            public Optional<CoefficientTable> coefficients(SolveResult result) {
                if (result.point() == null || result.point().length != n) return Optional.empty();
                Certificate certificate = result.certificate();
                boolean unique = certificate != null && certificate.flatDirections() == 0
                        && certificate.minEdgeSlope() > certificate.slopeTolerance();
                QuantileFit fit = new QuantileFit(design, target, n, tau, parameterNames, result.point(), unique);
                CoefficientTable table;
                try {
                    table = Inferences.table(inference, fit, level, parameters, solver);
                } catch (IllegalStateException | ArithmeticException | MathRuntimeException e) {
                    // numerical trouble of the inference (a point that is not a vertex for rank): estimates, and why
                    table = Inferences.none(fit, List.of("inference \"" + inference + "\" failed: " + e.getMessage()));
                }
                if (result.status() == SolveStatus.OPTIMAL) return Optional.of(table);
                // the asymptotics assume the minimiser: say that this point is not certified one
                List<String> notes = new ArrayList<>(table.notes());
                notes.add("the point is " + result.status() + ", not a certified minimum: the table is of that point");
                return Optional.of(new CoefficientTable(table.inference(), table.level(), table.statistic(), table.rows(),
                        table.covariance(), table.unique(), notes));
            }
        };
        return loss.quantileProcess() ? new ProcessProblem(problem, design, data.target(), n) : problem;
    }

    /** The method {@code inference} names, or its default; a loss without a quantile level allows only none. */
    private static String inference(Parameters parameters, int rows, double tau) {
        if (!parameters.has("inference")) return Inferences.defaultFor(rows, tau);
        String name = parameters.string("inference");
        if (Double.isNaN(tau) && !name.equals("none")) {
            throw new IllegalArgumentException("model.inference: \"" + name + "\" needs a quantile or absolute loss "
                    + "(a single kink at 0); this loss has no quantile level, so only \"none\" applies");
        }
        return name;
    }
}

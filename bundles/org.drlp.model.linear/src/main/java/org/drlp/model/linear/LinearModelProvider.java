package org.drlp.model.linear;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * The model {@code linear}: fit = a . beta (+ intercept), any piecewise-linear loss of the residual,
 * optionally with case weights; categorical columns of the data are coded as dummies
 * ({@link DesignCoding}).
 */
@Component(service = ModelProvider.class)
public final class LinearModelProvider implements ModelProvider {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.bool("intercept", true, "fit an intercept (named \"intercept\" in the results)"),
            ParameterSpec.list("features", ParameterType.STRING_LIST, null,
                    "numeric feature columns to use, in this order; default: every numeric feature of the data "
                            + "but the weights; categorical columns of the data are always used").asOptional(),
            ParameterSpec.string("weights", null, "column of case weights (finite, >= 0), not a feature then: "
                    + "minimises sum_i w_i loss(r_i)").asOptional(),
            ParameterSpec.list("interactions", ParameterType.STRING_LIST, List.of(),
                    "interaction terms, each columns joined by \":\" (income:group), numeric or categorical"),
            ParameterSpec.list("reference", ParameterType.STRING_LIST, List.of(),
                    "reference levels as column=level (group=B); default: the first level in sorted order"),
            ParameterSpec.bool("fitted", false, "write runs/NNN/fitted.csv: row, target, fitted, residual"),
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
     * Something to fit (an intercept or a feature), every listed feature and the weights column in
     * the data when the data source can tell its features before loading, and references written
     * column=level.
     */
    @Override
    public void check(Parameters parameters, CheckContext context) {
        Optional<List<String>> data = context.featureNames();
        List<String> features = parameters.has("features") ? parameters.strings("features") : data.orElse(null);
        if (!parameters.bool("intercept") && features != null && features.isEmpty()
                && parameters.strings("interactions").isEmpty()) {
            context.problem("intercept", "no intercept and no features: nothing to fit"
                    + (parameters.has("features") ? "" : " (the data has no feature columns)"));
        }
        for (String reference : parameters.strings("reference")) {
            if (reference.indexOf('=') <= 0) context.problem("reference", "\"" + reference + "\" is not column=level");
        }
        if (parameters.has("weights") && parameters.has("features")
                && parameters.strings("features").contains(parameters.string("weights"))) {
            context.problem("features", "\"" + parameters.string("weights") + "\" is the weights column, not a feature");
        }
        if (data.isEmpty()) return;
        if (parameters.has("weights") && !data.get().contains(parameters.string("weights"))) {
            context.problem("weights", "no numeric column \"" + parameters.string("weights") + "\" for the weights; the data has "
                    + (data.get().isEmpty() ? "none" : String.join(", ", data.get())));
        }
        if (!parameters.has("features")) return;
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
        String weightsColumn = parameters.has("weights") ? parameters.string("weights") : null;
        List<String> columns = new ArrayList<>();
        if (parameters.has("features")) {
            for (String feature : parameters.strings("features")) {
                if (!data.featureNames().contains(feature)) {
                    throw new IllegalArgumentException("model \"linear\": " + unknownFeature(feature, data.featureNames()));
                }
                if (feature.equals(weightsColumn)) {
                    throw new IllegalArgumentException("model \"linear\": \"" + feature + "\" is the weights column, not a feature");
                }
                columns.add(feature);
            }
        } else {
            for (String feature : data.featureNames()) if (!feature.equals(weightsColumn)) columns.add(feature);
        }
        columns.addAll(data.textColumns().keySet());
        Map<String, String> references = new LinkedHashMap<>();
        for (String reference : parameters.strings("reference")) {
            int at = reference.indexOf('=');
            if (at <= 0) throw new IllegalArgumentException("model \"linear\": reference \"" + reference + "\" is not column=level");
            references.put(reference.substring(0, at).strip(), reference.substring(at + 1).strip());
        }
        DesignCoding coding;
        try {
            coding = DesignCoding.of(data, columns, parameters.strings("interactions"), references,
                    parameters.bool("intercept"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model \"linear\": " + e.getMessage(), e);
        }
        if (coding.width() == 0) throw new IllegalArgumentException("model \"linear\": no features and no intercept");
        double[] weights = weightsColumn == null ? null : weights(data, weightsColumn);
        double tau = QuantileFit.tauOf(loss);
        Inference inference = new Inference(inference(parameters, data.rows(), tau), tau, parameters.real("level"),
                parameters, solver);
        LinearProblem problem = new LinearProblem(coding, coding.design(data), data.target().clone(), weights, loss,
                parameters.bool("fitted"), inference);
        if (!loss.quantileProcess()) return problem;
        QuantileFit weighted = problem.quantileFit(new double[coding.width()], false);
        return new ProcessProblem(problem, problem::tableAt, weighted.design(), weighted.target(), coding.width());
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

    /**
     * How a fit's coefficient table is made.
     *
     * @param method  a name of {@link Inferences#NAMES}
     * @param tau     the loss's quantile level; NaN for a loss without one (method none then)
     * @param solver  the kernel's walk, for the bootstrap; null when constructed by hand
     */
    record Inference(String method, double tau, double level, Parameters parameters, Solver solver) {
    }

    /** The weights column, checked: finite and not negative, and not all 0. */
    private static double[] weights(Dataset data, String column) {
        int c = data.featureNames().indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("model \"linear\": no numeric column \"" + column + "\" for the weights; "
                    + "the data has " + (data.featureNames().isEmpty() ? "none" : String.join(", ", data.featureNames())));
        }
        double[] weights = new double[data.rows()];
        boolean positive = false;
        for (int i = 0; i < weights.length; i++) {
            double w = data.feature(i, c);
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("model \"linear\": " + data.source() + ": data row " + (i + 1)
                        + ", weights column \"" + column + "\": weight " + w + " (weights must be finite and >= 0)");
            }
            weights[i] = w;
            positive |= w > 0;
        }
        if (!positive) throw new IllegalArgumentException("model \"linear\": every weight in \"" + column + "\" is 0");
        return weights;
    }

    /** A linear fit: its coding of the data, kept for the fitted values and for new data. */
    static final class LinearProblem implements Problem {

        private final DesignCoding coding;
        private final double[] design;
        private final double[] target;
        /** One per data row; null without weights. */
        private final double[] weights;
        private final boolean writeFitted;
        private final Inference inference;
        private final PiecewiseLinearRegression program;

        LinearProblem(DesignCoding coding, double[] design, double[] target, double[] weights, PiecewiseLinearLoss loss,
                      boolean writeFitted, Inference inference) {
            this.coding = coding;
            this.inference = inference;
            this.design = design;
            this.target = target;
            this.weights = weights;
            this.writeFitted = writeFitted;
            int n = coding.width();
            if (weights == null) {
                program = new PiecewiseLinearRegression(design, target, n, loss);
            } else {
                // a row of weight 0 adds nothing to the objective, whatever the coefficients: left out
                int kept = 0;
                for (double w : weights) if (w > 0) kept++;
                double[] keptDesign = new double[kept * n], keptTarget = new double[kept], keptWeights = new double[kept];
                for (int i = 0, s = 0; i < weights.length; i++) {
                    if (weights[i] == 0) continue;
                    System.arraycopy(design, i * n, keptDesign, s * n, n);
                    keptTarget[s] = target[i];
                    keptWeights[s++] = weights[i];
                }
                program = new PiecewiseLinearRegression(keptDesign, keptTarget, keptWeights, n, loss);
            }
        }

        @Override
        public ReluProgram program() {
            return program;
        }

        @Override
        public double[] start() {
            return new double[coding.width()];
        }

        @Override
        public List<String> parameterNames() {
            return coding.names();
        }

        @Override
        public Optional<double[]> design(Dataset data) {
            return Optional.of(coding.design(data));
        }

        /**
         * The solved fit for inference, weights folded in as R's {@code rq.wfit} folds them (see
         * {@link QuantileFit#weighted}).
         */
        QuantileFit quantileFit(double[] coefficients, boolean unique) {
            return QuantileFit.weighted(design, target, weights, coding.width(), inference.tau(), coding.names(),
                    coefficients, unique);
        }

        /**
         * The table of the fit {@code coefficients} at the quantile level {@code tau} with the run's
         * inference (the quantile process's band); empty for none, and where the inference fails there.
         */
        Optional<CoefficientTable> tableAt(double tau, double[] coefficients) {
            if (inference.method().equals("none")) return Optional.empty();
            QuantileFit fit = QuantileFit.weighted(design, target, weights, coding.width(), tau, coding.names(),
                    coefficients, false);
            try {
                return Optional.of(Inferences.table(inference.method(), fit, inference.level(), inference.parameters(),
                        inference.solver()));
            } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | MathRuntimeException e) {
                return Optional.empty(); // a band with a gap there: the point estimate is drawn regardless
            }
        }

        @Override
        public Optional<CoefficientTable> coefficients(SolveResult result) {
            if (result.point() == null || result.point().length != coding.width()) return Optional.empty();
            Certificate certificate = result.certificate();
            boolean unique = certificate != null && certificate.flatDirections() == 0
                    && certificate.minEdgeSlope() > certificate.slopeTolerance();
            QuantileFit fit = quantileFit(result.point(), unique);
            String method = inference.method();
            CoefficientTable table;
            try {
                table = Inferences.table(method, fit, inference.level(), inference.parameters(), inference.solver());
            } catch (IllegalStateException | ArithmeticException | MathRuntimeException e) {
                // numerical trouble of the inference (a point that is not a vertex for rank): estimates, and why
                table = Inferences.none(fit, List.of("inference \"" + method + "\" failed: " + e.getMessage()));
            }
            if (result.status() == SolveStatus.OPTIMAL) return Optional.of(table);
            // the asymptotics assume the minimiser: say that this point is not certified one
            List<String> notes = new ArrayList<>(table.notes());
            notes.add("the point is " + result.status() + ", not a certified minimum: the table is of that point");
            return Optional.of(new CoefficientTable(table.inference(), table.level(), table.statistic(), table.rows(),
                    table.covariance(), table.unique(), notes));
        }

        /** fitted.csv when asked for: every data row (weight 0 too), 1-based, with target, fit and residual. */
        @Override
        public void writeArtifacts(double[] solution, Path runDirectory) throws IOException {
            if (!writeFitted) return;
            int n = coding.width();
            try (BufferedWriter out = Files.newBufferedWriter(runDirectory.resolve("fitted.csv"), StandardCharsets.UTF_8)) {
                out.write("row,target,fitted,residual\n");
                for (int i = 0; i < target.length; i++) {
                    double fit = PiecewiseLinearRegression.dotRow(design, i * n, solution, n);
                    out.write((i + 1) + "," + target[i] + "," + fit + "," + (target[i] - fit) + "\n");
                }
            }
        }
    }
}

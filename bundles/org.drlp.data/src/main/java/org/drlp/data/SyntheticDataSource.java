package org.drlp.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.distribution.CauchyDistribution;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.drlp.api.ParameterException;
import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.CheckContext;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.Dataset;
import org.osgi.service.component.annotations.Component;

/**
 * The data source {@code synthetic}: y = 1 + x1 + ... + xp + scale * noise, so every coefficient and
 * the intercept are 1 and a fit can be judged against the truth. Heavy-tailed noise (t, Laplace,
 * Cauchy) is where absolute and quantile losses beat least squares.
 */
@Component(service = DataSourceProvider.class, property = "name=" + SyntheticDataSource.NAME)
public final class SyntheticDataSource implements DataSourceProvider {

    static final String NAME = "synthetic";

    /** The most values one Java array holds safely. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("n", 1000L, "number of rows").withRange(1, false, Integer.MAX_VALUE, false),
            ParameterSpec.integer("p", 9L, "number of features x1..xp, not counting the intercept")
                    .withRange(0, false, Integer.MAX_VALUE, false),
            ParameterSpec.string("design", "gaussian", "distribution of each feature: N(0, 1) or U(0, 1)")
                    .withChoices("gaussian", "uniform"),
            ParameterSpec.string("noise", "t", "distribution of the noise, each centred with unit scale")
                    .withChoices("gaussian", "t", "laplace", "cauchy"),
            ParameterSpec.real("df", 3.0, "degrees of freedom of t noise (small: heavy tails)")
                    .withRange(0, true, Double.NaN, false),
            ParameterSpec.real("scale", 1.0, "factor on the noise").withRange(0, true, Double.NaN, false),
            ParameterSpec.seed("seed", 1L, "seed of the generator; the same seed gives the same data"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "random linear data y = 1 + x1 + ... + xp + scale * noise (all true coefficients 1)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** n * p values must fit in one array. */
    @Override
    public void check(Parameters parameters, CheckContext context) {
        String problem = sizeProblem(parameters);
        if (problem != null) context.problem("n", problem);
    }

    /** x1..xp, known from p alone. */
    @Override
    public Optional<List<String>> featureNames(Parameters parameters) {
        return Optional.of(names(parameters.intValue("p")));
    }

    private static String sizeProblem(Parameters parameters) {
        long values = parameters.integer("n") * parameters.integer("p");
        return values > MAX_VALUES ? "n * p = " + values + " values do not fit in one array (at most " + MAX_VALUES + ")"
                : null;
    }

    @Override
    public Dataset load(Parameters parameters) {
        String problem = sizeProblem(parameters);
        if (problem != null) throw new ParameterException(parameters.owner() + ": " + problem);
        int n = parameters.intValue("n"), p = parameters.intValue("p");
        boolean gaussianDesign = parameters.string("design").equals("gaussian");
        double scale = parameters.real("scale");
        RandomGenerator random = new Well19937c(parameters.integer("seed"));
        RealDistribution noise = noise(parameters.string("noise"), parameters.real("df"), random);

        double[] x = new double[n * p], y = new double[n];
        for (int i = 0; i < n; i++) {
            double fit = 1;
            for (int j = 0; j < p; j++) {
                double value = gaussianDesign ? random.nextGaussian() : random.nextDouble();
                x[i * p + j] = value;
                fit += value;
            }
            y[i] = fit + scale * noise.sample();
        }
        return new Dataset(source(parameters), names(p), "y", n, x, y);
    }

    private static List<String> names(int p) {
        List<String> names = new ArrayList<>(p);
        for (int j = 1; j <= p; j++) names.add("x" + j);
        return names;
    }

    /** Every distribution draws from the one generator, so that one seed fixes the whole data set. */
    private static RealDistribution noise(String name, double df, RandomGenerator random) {
        return switch (name) {
            case "gaussian" -> new NormalDistribution(random, 0, 1);
            case "t" -> new TDistribution(random, df);
            case "laplace" -> new LaplaceDistribution(random, 0, 1);
            case "cauchy" -> new CauchyDistribution(random, 0, 1);
            default -> throw new IllegalArgumentException("unknown noise " + name); // the declared choices rule it out
        };
    }

    private static String source(Parameters parameters) {
        String noise = parameters.string("noise");
        return "synthetic(n=" + parameters.integer("n") + ", p=" + parameters.integer("p")
                + ", design=" + parameters.string("design") + ", noise=" + noise
                + (noise.equals("t") ? ", df=" + number(parameters.real("df")) : "")
                + ", scale=" + number(parameters.real("scale")) + ", seed=" + parameters.integer("seed") + ")";
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}

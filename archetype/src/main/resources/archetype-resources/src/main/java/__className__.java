package ${package};

#if( $role == "pivot" )
import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The pivot rule {@code ${pluginName}}: the improving edge of steepest slope per unit of length,
 * slope / |d|, ties to the lowest edge index. Registered as a Declarative Services component; the
 * workbench finds it by {@link #name()}.
 */
@Component(service = PivotRuleProvider.class, property = "name=" + ${className}.NAME)
public final class ${className} implements PivotRuleProvider {

    static final String NAME = "${pluginName}";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "steepest improving edge per unit of length; ties to the lowest edge index";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    /** The rule keeps no state, so one instance serves every solve. */
    @Override
    public PivotRule create(Parameters parameters) {
        return ${className}::choose;
    }

    /** Called once per pivot: no allocation, and only improving edges are priced. */
    static int choose(EdgeView edges) {
        int best = -1;
        double bestRate = 0;
        for (int e = 0; e < edges.size(); e++) {
            if (!edges.improving(e)) continue;
            double length = Math.sqrt(edges.normSquared(e));
            double rate = length > 0 ? edges.slope(e) / length : edges.slope(e);
            if (best < 0 || rate < bestRate) {
                best = e;
                bestRate = rate;
            }
        }
        return best;
    }
}
#elseif( $role == "loss" )
import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.LossProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.osgi.service.component.annotations.Component;

/**
 * The loss {@code ${pluginName}}: an asymmetric absolute loss, |z| below zero and {@code weight} z
 * above (over-predictions cost {@code weight} times as much). One hinge, so one neuron per data point.
 */
@Component(service = LossProvider.class, property = "name=" + ${className}.NAME)
public final class ${className} implements LossProvider {

    static final String NAME = "${pluginName}";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.real("weight", 2.0, "cost of a unit of over-prediction, relative to under-prediction")
                    .withRange(0, true, Double.NaN, false));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "asymmetric absolute loss: |z| below zero, weight * z above";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public PiecewiseLinearLoss create(Parameters parameters) {
        double weight = parameters.real("weight");
        List<PiecewiseLinearLoss.Kink> kinks = List.of(new PiecewiseLinearLoss.Kink(0, -1, weight));
        return new PiecewiseLinearLoss() {
            @Override
            public List<Kink> kinks() {
                return kinks;
            }

            @Override
            public double value(double residual) {
                return residual < 0 ? -residual : weight * residual;
            }
        };
    }
}
#elseif( $role == "model" )
import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.Dataset;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;
import org.drlp.spi.ProblemForm;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.SeparableProgram;
import org.osgi.service.component.annotations.Component;

/**
 * The model {@code ${pluginName}}: linear regression through the origin (no intercept) with the run's
 * loss, fit = x . beta. Its program is separable: one neuron per data row and kink of the loss,
 * z = x_i . beta - y_i - at_q, so the walk gets pass-through line searches and a dual certificate.
 */
@Component(service = ModelProvider.class, property = "name=" + ${className}.NAME)
public final class ${className} implements ModelProvider {

    static final String NAME = "${pluginName}";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "linear regression through the origin with any piecewise-linear loss";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public ProblemForm problemForm(Parameters parameters) {
        return ProblemForm.SEPARABLE;
    }

    @Override
    public Problem build(Dataset data, PiecewiseLinearLoss loss, Parameters parameters) {
        if (data.columns() == 0) {
            throw new IllegalArgumentException("model \"" + NAME + "\": the data has no features to fit");
        }
        Program program = new Program(data, loss);
        return new Problem() {
            @Override
            public ReluProgram program() {
                return program;
            }

            @Override
            public double[] start() {
                return new double[data.columns()];
            }

            @Override
            public List<String> parameterNames() {
                return data.featureNames();
            }
        };
    }

    /** sum_i sum_q phi_q(x_i . beta - y_i - at_q); the per-pivot methods allocate nothing. */
    static final class Program implements SeparableProgram {
        private final int n;
        private final int rows;
        private final int k;
        private final double[] x;
        private final double[] y;
        private final double[] at;
        private final double[] low;
        private final double[] high;
        private final boolean convex;
        private final double[] beta;
        private final double[] z;
        private final boolean[] side;

        Program(Dataset data, PiecewiseLinearLoss loss) {
            n = data.columns();
            rows = data.rows();
            List<PiecewiseLinearLoss.Kink> kinks = loss.kinks();
            k = kinks.size();
            x = data.features().clone();
            y = data.target().clone();
            at = new double[k];
            low = new double[k];
            high = new double[k];
            for (int q = 0; q < k; q++) {
                at[q] = kinks.get(q).at();
                low[q] = kinks.get(q).lowSlope();
                high[q] = kinks.get(q).highSlope();
            }
            convex = loss.isConvex();
            beta = new double[n];
            z = new double[rows * k];
            side = new boolean[rows * k];
        }

        private double fit(int row, double[] v) {
            double sum = 0;
            for (int c = 0; c < n; c++) sum += x[row * n + c] * v[c];
            return sum;
        }

        private double slope(int j) {
            return side[j] ? high[j % k] : low[j % k];
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public int neuronCount() {
            return rows * k;
        }

        @Override
        public void reset(double[] point) {
            System.arraycopy(point, 0, beta, 0, n);
            refresh();
            for (int j = 0; j < z.length; j++) side[j] = z[j] > 0;
        }

        @Override
        public double[] point() {
            return beta;
        }

        @Override
        public double[] preactivations() {
            return z;
        }

        @Override
        public boolean[] highSide() {
            return side;
        }

        @Override
        public double value() {
            double sum = 0;
            for (int j = 0; j < z.length; j++) sum += slope(j) * z[j];
            return sum;
        }

        @Override
        public void gradient(double[] out) {
            java.util.Arrays.fill(out, 0);
            for (int j = 0; j < z.length; j++) {
                int row = j / k;
                double s = slope(j);
                for (int c = 0; c < n; c++) out[c] += s * x[row * n + c];
            }
        }

        @Override
        public double directional(double[] v, double[] dz) {
            double slope = 0;
            for (int row = 0; row < rows; row++) {
                double rate = fit(row, v);
                for (int q = 0; q < k; q++) {
                    int j = row * k + q;
                    dz[j] = rate;
                    slope += slope(j) * rate;
                }
            }
            return slope;
        }

        @Override
        public void normal(int j, double[] out) {
            System.arraycopy(x, (j / k) * n, out, 0, n);
        }

        @Override
        public double flipEffect(int j, double[] v, FlipSink sink) {
            double jump = high[j % k] - low[j % k];
            return (side[j] ? -jump : jump) * fit(j / k, v);
        }

        @Override
        public void flip(int j) {
            side[j] = !side[j];
        }

        @Override
        public void advance(double t, double[] v, double[] dz) {
            for (int c = 0; c < n; c++) beta[c] += t * v[c];
            for (int j = 0; j < z.length; j++) z[j] += t * dz[j];
        }

        @Override
        public void refresh() {
            for (int row = 0; row < rows; row++) {
                double residual = fit(row, beta) - y[row];
                for (int q = 0; q < k; q++) z[row * k + q] = residual - at[q];
            }
        }

        @Override
        public double scale(int j) {
            int row = j / k;
            double sum = Math.abs(y[row]) + Math.abs(at[j % k]);
            for (int c = 0; c < n; c++) sum += Math.abs(x[row * n + c] * beta[c]);
            return sum;
        }

        @Override
        public boolean isConvex() {
            return convex;
        }

        @Override
        public double lowSlope(int j) {
            return low[j % k];
        }

        @Override
        public double highSlope(int j) {
            return high[j % k];
        }

        @Override
        public void stationarity(double[] lambda, double[] out) {
            java.util.Arrays.fill(out, 0);
            for (int j = 0; j < z.length; j++) {
                int row = j / k;
                for (int c = 0; c < n; c++) out[c] += lambda[j] * x[row * n + c];
            }
        }
    }
}
#elseif( $role == "data" )
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.DataException;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.Dataset;
import org.osgi.service.component.annotations.Component;

/**
 * The data source {@code ${pluginName}}: a whitespace-separated table, a header line of names first,
 * the last column the target. Every complaint starts with {@code file:line:column}.
 */
@Component(service = DataSourceProvider.class, property = "name=" + ${className}.NAME)
public final class ${className} implements DataSourceProvider {

    static final String NAME = "${pluginName}";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.path("path", null, "the table (UTF-8, header line first), relative to the spec's folder"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "whitespace-separated table with a header line; the last column is the target";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public Optional<List<String>> featureNames(Parameters parameters) throws IOException, DataException {
        List<String> header = header(parameters.path("path"), lines(parameters.path("path")));
        return Optional.of(header.subList(0, header.size() - 1));
    }

    @Override
    public Dataset load(Parameters parameters) throws IOException, DataException {
        Path path = parameters.path("path");
        List<String> lines = lines(path);
        List<String> header = header(path, lines);
        int columns = header.size();
        List<double[]> rows = new ArrayList<>();
        for (int l = 1; l < lines.size(); l++) {
            String line = lines.get(l).strip();
            if (line.isEmpty()) continue;
            String[] fields = line.split("\\s+");
            if (fields.length != columns) {
                throw new DataException(path + ":" + (l + 1) + ": expected " + columns + " fields, found " + fields.length);
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) row[c] = number(path, l + 1, c + 1, fields[c]);
            rows.add(row);
        }
        if (rows.isEmpty()) throw new DataException(path + ":1: a header line but no data rows");
        int features = columns - 1;
        double[] x = new double[rows.size() * features], y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * features, features);
            y[i] = rows.get(i)[features];
        }
        return new Dataset(path.toString(), header.subList(0, features), header.get(features), rows.size(), x, y);
    }

    private static List<String> lines(Path path) throws IOException, DataException {
        if (!Files.isRegularFile(path)) throw new DataException(path + ": no such file");
        return Files.readAllLines(path, StandardCharsets.UTF_8);
    }

    private static List<String> header(Path path, List<String> lines) throws DataException {
        if (lines.isEmpty() || lines.get(0).isBlank()) throw new DataException(path + ":1: expected a header line");
        List<String> names = Arrays.asList(lines.get(0).strip().split("\\s+"));
        if (names.size() < 2) throw new DataException(path + ":1: need at least one feature and the target");
        return names;
    }

    private static double number(Path path, int line, int column, String text) throws DataException {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DataException(path + ":" + line + ":" + column + ": not a number: \"" + text + "\"");
        }
        if (!Double.isFinite(value)) {
            throw new DataException(path + ":" + line + ":" + column + ": not a finite number: \"" + text + "\"");
        }
        return value;
    }
}
#elseif( $role == "lineSearch" )
import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.LineSearch;
import org.drlp.spi.LineSearchProvider;
import org.drlp.spi.LineView;
import org.osgi.service.component.annotations.Component;

/**
 * The line search {@code ${pluginName}}: stops at the first breakpoint of the edge, the neuron that
 * reaches its kink first (ties to the largest rate, the better-conditioned pivot). Plain ratio test,
 * no tolerance window.
 */
@Component(service = LineSearchProvider.class, property = "name=" + ${className}.NAME)
public final class ${className} implements LineSearchProvider {

    static final String NAME = "${pluginName}";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "first breakpoint of the edge; ties to the largest rate";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public LineSearch create(Parameters parameters) {
        return new Search();
    }

    static final class Search implements LineSearch {
        private double step;
        private double decrease;

        /** The first breakpoint's neuron, or -1 when none blocks; sets {@link #step}. */
        private int first(LineView line) {
            int best = -1;
            double bestT = Double.POSITIVE_INFINITY, bestRate = 0;
            for (int j = 0; j < line.neurons(); j++) {
                if (line.critical(j)) continue;
                double rate = line.rate(j);
                if (rate >= -line.rateFloor(j)) continue;
                double t = line.distance(j) / -rate;
                if (t < bestT || (t == bestT && -rate > bestRate)) {
                    best = j;
                    bestT = t;
                    bestRate = -rate;
                }
            }
            step = bestT;
            return best;
        }

        @Override
        public int search(LineView line) {
            int stop = first(line);
            decrease = stop < 0 ? Double.POSITIVE_INFINITY : -line.slope() * step;
            return stop;
        }

        @Override
        public double step() {
            return step;
        }

        @Override
        public double decrease() {
            return decrease;
        }

        @Override
        public double improvement(LineView line) {
            return first(line) < 0 ? Double.POSITIVE_INFINITY : -line.slope() * step;
        }
    }
}
#elseif( $role == "antiCycling" )
import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.BlockingTies;
import org.drlp.spi.DegeneracyRule;
import org.drlp.spi.DegeneracyRuleProvider;
import org.drlp.spi.DegeneracyView;
import org.drlp.spi.EdgeView;
import org.osgi.service.component.annotations.Component;

/**
 * The anti-cycling rule {@code ${pluginName}}: after {@code patience} pivots in a row without progress,
 * Bland's rule (the improving edge of the lowest neuron, free directions first; the lowest tied
 * neuron enters) until a pivot makes progress again.
 */
@Component(service = DegeneracyRuleProvider.class, property = "name=" + ${className}.NAME)
public final class ${className} implements DegeneracyRuleProvider {

    static final String NAME = "${pluginName}";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("patience", 20L, "pivots in a row without progress before Bland's rule takes over")
                    .withRange(1, false, Double.NaN, false));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Bland's rule after a number of pivots in a row without progress";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public DegeneracyRule create(Parameters parameters) {
        long patience = parameters.integer("patience");
        return new DegeneracyRule() {
            private long stalled;

            @Override
            public void afterPivot(boolean progressed, DegeneracyView walk) {
                stalled = progressed ? 0 : stalled + 1;
            }

            @Override
            public boolean active() {
                return stalled >= patience;
            }

            @Override
            public int chooseEdge(EdgeView edges) {
                int best = -1;
                long bestKey = Long.MAX_VALUE;
                for (int e = 0; e < edges.size(); e++) {
                    if (!edges.improving(e)) continue;
                    long key = edges.neuron(e) < 0 ? Long.MIN_VALUE + e : edges.neuron(e);
                    if (key < bestKey) {
                        best = e;
                        bestKey = key;
                    }
                }
                return best;
            }

            @Override
            public int chooseBlocking(BlockingTies ties) {
                return 0; // the ties come in increasing neuron order
            }
        };
    }
}
#end

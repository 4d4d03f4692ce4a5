package org.drlp.experiment;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.drlp.spi.PluginRole;
import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.StepListener;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.model.linear.LinearModelProvider;
import org.drlp.spi.DataException;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.Dataset;
import org.drlp.spi.LossProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.drlp.spi.Problem;
import org.drlp.spi.SolverMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * A registry filled outside OSGi through its bind methods: the real vertex walk and linear model,
 * and small test doubles for the losses, pivot rules and data sources.
 */
final class TestPlugins {

    /** R's stackloss: Air.Flow, Water.Temp, Acid.Conc., stack.loss. */
    static final double[][] STACKLOSS = {
            {80, 27, 89, 42}, {80, 27, 88, 37}, {75, 25, 90, 37}, {62, 24, 87, 28}, {62, 22, 87, 18},
            {62, 23, 87, 18}, {62, 24, 93, 19}, {62, 24, 93, 20}, {58, 23, 87, 15}, {58, 18, 80, 14},
            {58, 18, 89, 14}, {58, 17, 88, 13}, {58, 18, 82, 11}, {58, 19, 93, 12}, {50, 18, 89, 8},
            {50, 18, 86, 7}, {50, 19, 72, 8}, {50, 19, 79, 8}, {50, 20, 80, 9}, {56, 20, 82, 15},
            {70, 20, 91, 15}};

    final StackLossData data = new StackLossData();
    final RandomPivot random = new RandomPivot();
    final PluginRegistry registry = new PluginRegistry();
    private long nextServiceId = 1;

    TestPlugins() {
        registry.add(PluginRole.METHOD, new VertexWalkSolver(), reference("org.drlp.kernel"));
        registry.add(PluginRole.MODEL, new LinearModelProvider(), reference("org.drlp.model.linear"));
        registry.add(PluginRole.LOSS, new HingeLoss("absolute", false), reference("test.loss"));
        registry.add(PluginRole.LOSS, new HingeLoss("quantile", true), reference("test.loss"));
        registry.add(PluginRole.PIVOT, new SimplePivot("dantzig", true), reference("test.pivot"));
        registry.add(PluginRole.PIVOT, new SimplePivot("bland", false), reference("test.pivot"));
        registry.add(PluginRole.PIVOT, random, reference("test.pivot"));
        registry.add(PluginRole.DATA, data, reference("test.data"));
        registry.add(PluginRole.DATA, new BrokenData(), reference("test.data"));
    }

    ExperimentRunner runner() {
        return new ExperimentRunner(registry);
    }

    /** A service reference as OSGi would pass it to a bind method: an id and a bundle. */
    @SuppressWarnings("unchecked")
    <S> ServiceReference<S> reference(String bundleName) {
        long id = nextServiceId++;
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> bundleName;
                    case "getVersion" -> new Version(1, 2, 3);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ServiceReference<S>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getProperty" -> Constants.SERVICE_ID.equals(args[0]) ? (Object) id : null;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The stack-loss data in memory; counts its loads and remembers the seeds it was given. */
    static final class StackLossData implements DataSourceProvider {
        final AtomicInteger loads = new AtomicInteger();
        final List<Long> seeds = Collections.synchronizedList(new ArrayList<>()); // runs may load in parallel

        @Override
        public String name() {
            return "stackloss";
        }

        @Override
        public String description() {
            return "R's stackloss data, in memory";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.seed("seed", 0L, "recorded only").withRange(0, false, 1000, false),
                    ParameterSpec.integer("rows", 21L, "first rows to use").withRange(5, false, 21, false));
        }

        @Override
        public Dataset load(Parameters parameters) {
            loads.incrementAndGet();
            seeds.add(parameters.integer("seed"));
            int rows = parameters.intValue("rows");
            double[] features = new double[rows * 3];
            double[] target = new double[rows];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(STACKLOSS[i], 0, features, i * 3, 3);
                target[i] = STACKLOSS[i][3];
            }
            return new Dataset("stackloss", List.of("Air.Flow", "Water.Temp", "Acid.Conc."), "stack.loss", rows,
                    features, target);
        }
    }

    /**
     * The first rows of the stack-loss data, how many written in a file: a data source with a PATH
     * parameter. Not registered by default; tests that need it add it.
     */
    static final class StackLossFile implements DataSourceProvider {
        @Override
        public String name() {
            return "stackloss-file";
        }

        @Override
        public String description() {
            return "as many stack-loss rows as the file says";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.path("path", null, "file holding the number of rows"));
        }

        @Override
        public Dataset load(Parameters parameters) throws IOException {
            String rows = Files.readString(parameters.path("path")).trim();
            return new StackLossData().load(Parameters.resolve("stackloss", new StackLossData().parameters(),
                    Map.of("rows", Long.valueOf(rows)), parameters.path("path").getParent()));
        }
    }

    /** A data source whose every load fails, as a malformed file would. */
    static final class BrokenData implements DataSourceProvider {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public String description() {
            return "always fails";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public Dataset load(Parameters parameters) throws DataException {
            throw new DataException("broken.csv:3:2: \"x\" is not a number");
        }
    }

    /** The absolute loss, or the quantile check loss with a level tau. */
    record HingeLoss(String name, boolean quantile) implements LossProvider {
        @Override
        public String description() {
            return name + " loss";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return quantile
                    ? List.of(ParameterSpec.real("tau", 0.5, "level").withRange(0, true, 1, true))
                    : List.of();
        }

        @Override
        public PiecewiseLinearLoss create(Parameters parameters) {
            double tau = quantile ? parameters.real("tau") : 0.5;
            double scale = quantile ? 1 : 2; // |z| = 2 rho_0.5(z)
            PiecewiseLinearLoss.Kink kink = new PiecewiseLinearLoss.Kink(0, -scale * tau, scale * (1 - tau));
            return new PiecewiseLinearLoss() {
                @Override
                public List<Kink> kinks() {
                    return List.of(kink);
                }

                @Override
                public double value(double residual) {
                    return residual < 0 ? kink.lowSlope() * residual : kink.highSlope() * residual;
                }
            };
        }
    }

    /** Dantzig (most negative slope) or Bland (first improving edge). */
    record SimplePivot(String name, boolean steepestSlope) implements PivotRuleProvider {
        @Override
        public String description() {
            return name;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public PivotRule create(Parameters parameters) {
            return edges -> {
                int best = -1;
                for (int e = 0; e < edges.size(); e++) {
                    if (!edges.improving(e)) continue;
                    if (!steepestSlope) return e;
                    if (best < 0 || edges.slope(e) < edges.slope(best)) best = e;
                }
                return best;
            };
        }
    }

    /** A uniformly random improving edge; remembers the seed of every rule it created. */
    static final class RandomPivot implements PivotRuleProvider {
        final List<Long> seeds = Collections.synchronizedList(new ArrayList<>()); // runs may create rules in parallel

        @Override
        public String name() {
            return "random";
        }

        @Override
        public String description() {
            return "a random improving edge";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.seed("seed", 1L, "random seed"));
        }

        @Override
        public PivotRule create(Parameters parameters) {
            long seed = parameters.integer("seed");
            seeds.add(seed);
            Random random = new Random(seed);
            return edges -> {
                int[] improving = new int[edges.size()];
                int count = 0;
                for (int e = 0; e < edges.size(); e++) if (edges.improving(e)) improving[count++] = e;
                return improving[random.nextInt(count)];
            };
        }
    }

    /** A method without pivot rule that stays at the start point. */
    static final class GradientFree implements SolverMethod {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public String description() {
            return "stays at the start";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public SolveResult solve(Problem problem, Parameters parameters, StepListener listener) {
            problem.program().reset(problem.start());
            return new SolveResult(SolveStatus.ITERATION_LIMIT, problem.program().value(), problem.start(), 0, 0, 0,
                    null, "did nothing");
        }
    }
}

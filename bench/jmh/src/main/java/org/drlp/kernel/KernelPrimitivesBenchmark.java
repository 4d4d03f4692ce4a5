package org.drlp.kernel;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.drlp.kernel.linesearch.HarrisRatioTest;
import org.drlp.kernel.linesearch.WeightedMedian;
import org.drlp.model.linear.PiecewiseLinearRegression;
import org.drlp.spi.LineSearch;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PivotRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The vertex walk's per-pivot primitives on the linear model (median regression, Gaussian features
 * plus an intercept, t(3) noise), measured at the optimal vertex of the problem:
 * <ul>
 * <li>{@code directional}: one pass over the data, dz = A d (the model's part of every pivot);</li>
 * <li>{@code ratioTest}: directional plus Harris' two-pass ratio test (the walk without pass-through);</li>
 * <li>{@code passThroughSearch}: directional plus the candidate collection and weighted selection of the
 *     {@code weighted-median} line search, asked to go as far as half the candidates' total weight;</li>
 * <li>{@code pricing}: the slopes of all 2p edges (O(p^2));</li>
 * <li>{@code basisUpdate}: two Sherman-Morrison exchanges of D (O(p^2) each);</li>
 * <li>{@code solve}: a whole solve ({@code presolve}: {@code auto} the default, {@code off} none).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelPrimitivesBenchmark {

    @Param({"10000x10", "100000x50"})
    public String size;

    @Param({"auto"})
    public String presolve;

    private int rows;
    private int p;
    private double[] design;
    private double[] y;
    private PiecewiseLinearRegression program;
    private VertexWalk walk;
    private double[] direction;
    private double[] dz;
    private double[] edge;
    private LineSearch weightedMedian;
    private final HarrisRatioTest harris = new HarrisRatioTest();
    private double halfWeight;
    private int entering;

    private static final PivotRule DANTZIG = edges -> {
        int best = -1;
        for (int e = 0; e < edges.size(); e++) {
            if (edges.improving(e) && (best < 0 || edges.slope(e) < edges.slope(best))) best = e;
        }
        return best;
    };

    static PiecewiseLinearLoss median() {
        return new PiecewiseLinearLoss() {
            @Override
            public List<Kink> kinks() {
                return List.of(new Kink(0, -0.5, 0.5));
            }

            @Override
            public double value(double z) {
                return 0.5 * Math.abs(z);
            }
        };
    }

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = size.split("x");
        rows = Integer.parseInt(parts[0]);
        p = Integer.parseInt(parts[1]);
        Random random = new Random(20201130L);
        design = new double[rows * p];
        y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double fit = 1;
            for (int c = 0; c < p - 1; c++) {
                double v = random.nextGaussian();
                design[i * p + c] = v;
                fit += v;
            }
            design[i * p + p - 1] = 1;
            double chi = 0;
            for (int k = 0; k < 3; k++) {
                double u = random.nextGaussian();
                chi += u * u;
            }
            y[i] = fit + random.nextGaussian() / Math.sqrt(chi / 3);
        }
        program = new PiecewiseLinearRegression(design, y, p, median());
        walk = new VertexWalk(program, DANTZIG, SolverOptions.defaults(), StepListener.NONE);
        SolveResult result = walk.solve(new double[p]);
        if (result.status() != SolveStatus.OPTIMAL) throw new IllegalStateException(result.message());
        direction = new double[p];
        dz = new double[rows];
        direction[0] = 1;
        // half of the pass-through candidates' total weight along d_0: a search that selects a median
        double total = 0;
        int[] critical = walk.criticalSet();
        boolean[] isCritical = new boolean[rows];
        for (int c : critical) isCritical[c] = true;
        double[] d0 = new double[p];
        walk.basis().edgeDirection(0, d0);
        edge = new double[p];
        weightedMedian = new WeightedMedian().create(Parameters.defaults("weighted-median", List.of()));
        weightedMedian.prepare(program);
        program.directional(d0, dz);
        double best = 0;
        for (int j = 0; j < rows; j++) {
            if (isCritical[j]) continue;
            double rate = program.highSide()[j] ? dz[j] : -dz[j];
            if (rate < 0) total += -rate;
            if (Math.abs(dz[j]) > best) {
                best = Math.abs(dz[j]);
                entering = j;
            }
        }
        halfWeight = total / 2;
    }

    @Benchmark
    public double directional() {
        return program.directional(direction, dz);
    }

    @Benchmark
    public int ratioTest() {
        return harris.blocking(WalkPrimitives.lineAlong(walk, 0, edge, dz, 0));
    }

    @Benchmark
    public double passThroughSearch() {
        return weightedMedian.improvement(WalkPrimitives.lineAlong(walk, 0, edge, dz, -halfWeight));
    }

    @Benchmark
    public double pricing() {
        return WalkPrimitives.priceAll(walk).slope(0);
    }

    @Benchmark
    public int basisUpdate() {
        WalkPrimitives.exchangeAndBack(walk, 0, entering);
        return walk.criticalSet()[0];
    }

    @Benchmark
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public double solve() {
        PiecewiseLinearRegression fresh = new PiecewiseLinearRegression(design, y, p, median());
        SolverOptions options = presolve.equals("off")
                ? SolverOptions.defaults().withStrategy(ShippedStrategies.choice("presolve", "none", java.util.Map.of()))
                : SolverOptions.defaults();
        SolveResult result = new VertexWalkSolver().solve(fresh, new double[p], DANTZIG, options, StepListener.NONE);
        return result.objective();
    }
}

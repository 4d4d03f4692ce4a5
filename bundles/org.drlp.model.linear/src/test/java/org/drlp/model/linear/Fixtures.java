package org.drlp.model.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.drlp.api.SolveResult;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PivotRule;

/** Test data, losses, pivot rules and an independent LP oracle. */
final class Fixtures {

    private Fixtures() {
    }

    /** R's stackloss: Air.Flow, Water.Temp, Acid.Conc., stack.loss. */
    static final double[][] STACKLOSS = {
            {80, 27, 89, 42}, {80, 27, 88, 37}, {75, 25, 90, 37}, {62, 24, 87, 28}, {62, 22, 87, 18},
            {62, 23, 87, 18}, {62, 24, 93, 19}, {62, 24, 93, 20}, {58, 23, 87, 15}, {58, 18, 80, 14},
            {58, 18, 89, 14}, {58, 17, 88, 13}, {58, 18, 82, 11}, {58, 19, 93, 12}, {50, 18, 89, 8},
            {50, 18, 86, 7}, {50, 19, 72, 8}, {50, 19, 79, 8}, {50, 20, 80, 9}, {56, 20, 82, 15},
            {70, 20, 91, 15}};

    /** The stack-loss design: the three features, then an intercept column. */
    static double[] stackLossDesign() {
        double[][] features = new double[STACKLOSS.length][];
        for (int i = 0; i < features.length; i++) features[i] = Arrays.copyOf(STACKLOSS[i], 3);
        return withIntercept(features);
    }

    /** stack.loss, the target. */
    static double[] stackLossTarget() {
        double[] y = new double[STACKLOSS.length];
        for (int i = 0; i < y.length; i++) y[i] = STACKLOSS[i][3];
        return y;
    }

    static PiecewiseLinearLoss loss(double[]... kinks) {
        List<PiecewiseLinearLoss.Kink> list = new ArrayList<>();
        for (double[] k : kinks) list.add(new PiecewiseLinearLoss.Kink(k[0], k[1], k[2]));
        return new PiecewiseLinearLoss() {
            @Override
            public List<Kink> kinks() {
                return list;
            }

            @Override
            public double value(double residual) {
                double sum = 0;
                for (Kink k : list) {
                    double u = residual - k.at();
                    sum += u < 0 ? k.lowSlope() * u : k.highSlope() * u;
                }
                return sum;
            }
        };
    }

    static PiecewiseLinearLoss absolute() {
        return loss(new double[] {0, -1, 1});
    }

    static PiecewiseLinearLoss quantile(double tau) {
        return loss(new double[] {0, -tau, 1 - tau});
    }

    static PiecewiseLinearLoss epsilonInsensitive(double eps) {
        return loss(new double[] {eps, 0, 1}, new double[] {-eps, -1, 0});
    }

    static final PivotRule DANTZIG = edges -> {
        int best = -1;
        for (int e = 0; e < edges.size(); e++) {
            if (edges.improving(e) && (best < 0 || edges.slope(e) < edges.slope(best))) best = e;
        }
        return best;
    };

    static final PivotRule STEEPEST = edges -> {
        int best = -1;
        double bestScore = 0;
        for (int e = 0; e < edges.size(); e++) {
            if (!edges.improving(e)) continue;
            double score = edges.slope(e) / Math.sqrt(edges.normSquared(e));
            if (best < 0 || score < bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return best;
    };

    static final PivotRule GREATEST_IMPROVEMENT = edges -> {
        int best = -1;
        for (int e = 0; e < edges.size(); e++) {
            if (edges.improving(e) && (best < 0 || edges.improvement(e) > edges.improvement(best))) best = e;
        }
        return best;
    };

    static PivotRule random(long seed) {
        Random random = new Random(seed);
        return (EdgeView edges) -> {
            int count = 0, chosen = -1;
            for (int e = 0; e < edges.size(); e++) {
                if (edges.improving(e) && random.nextInt(++count) == 0) chosen = e;
            }
            return chosen;
        };
    }

    static final PivotRule[] RULES = {DANTZIG, STEEPEST, GREATEST_IMPROVEMENT, random(7)};

    /** Design with an intercept column last. */
    static double[] withIntercept(double[][] features) {
        int p = features[0].length;
        double[] design = new double[features.length * (p + 1)];
        for (int i = 0; i < features.length; i++) {
            System.arraycopy(features[i], 0, design, i * (p + 1), p);
            design[i * (p + 1) + p] = 1;
        }
        return design;
    }

    static SolveResult solve(double[] design, double[] y, int n, PiecewiseLinearLoss loss, PivotRule rule,
                             SolverOptions options, StepListener listener) {
        PiecewiseLinearRegression program = new PiecewiseLinearRegression(design, y, n, loss);
        return new VertexWalkSolver().solve(program, new double[n], rule, options, listener);
    }

    static double objective(double[] design, double[] y, int n, PiecewiseLinearLoss loss, double[] x) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double fit = 0;
            for (int c = 0; c < n; c++) fit += design[i * n + c] * x[c];
            sum += loss.value(fit - y[i]);
        }
        return sum;
    }

    /**
     * The same problem as a linear program solved by commons-math3's simplex: variables x (free,
     * split as x+ - x-), and per data point and kink u, v >= 0 with a . x - y - at = u - v;
     * minimise sum high u - low v.
     */
    static double linearProgramOptimum(double[] design, double[] y, int n, PiecewiseLinearLoss loss) {
        return linearProgramOptimum(design, y, null, n, loss);
    }

    /** As {@link #linearProgramOptimum(double[], double[], int, PiecewiseLinearLoss)}, row i's costs times weights[i]. */
    static double linearProgramOptimum(double[] design, double[] y, double[] weights, int n, PiecewiseLinearLoss loss) {
        List<PiecewiseLinearLoss.Kink> kinks = loss.kinks();
        int rows = y.length, k = kinks.size();
        int vars = 2 * n + 2 * rows * k;
        double[] cost = new double[vars];
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int q = 0; q < k; q++) {
                int u = 2 * n + 2 * (i * k + q), v = u + 1;
                double w = weights == null ? 1 : weights[i];
                cost[u] = w * kinks.get(q).highSlope();
                cost[v] = -w * kinks.get(q).lowSlope();
                double[] coef = new double[vars];
                for (int c = 0; c < n; c++) {
                    coef[c] = design[i * n + c];
                    coef[n + c] = -design[i * n + c];
                }
                coef[u] = -1;
                coef[v] = 1;
                constraints.add(new LinearConstraint(coef, Relationship.EQ, y[i] + kinks.get(q).at()));
            }
        }
        PointValuePair pair = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000),
                new LinearObjectiveFunction(cost, 0), new LinearConstraintSet(constraints), GoalType.MINIMIZE,
                new NonNegativeConstraint(true));
        return pair.getValue();
    }
}

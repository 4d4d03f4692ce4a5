package org.drlp.testkit;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.drlp.spi.SeparableProgram;

/**
 * The minimum of a convex separable program as a linear program solved by commons-math3's simplex, an
 * independent solver: the program's data (c, a_j, b_j) are read back through its normals, gradient and
 * preactivations at the origin; variables x = x+ - x- and u_j, v_j >= 0 with a_j . x - b_j = u_j - v_j;
 * minimise c . x + sum_j high_j u_j - low_j v_j.
 */
public final class LpOracle {

    private LpOracle() {
    }

    /** The minimum; {@code Double.NEGATIVE_INFINITY} when the program is unbounded below. Leaves the program at 0. */
    public static double minimum(SeparableProgram program) {
        int n = program.dimension(), m = program.neuronCount();
        program.reset(new double[n]);
        double[] c = new double[n], nu = new double[n];
        program.gradient(c);
        double[][] a = new double[m][];
        double[] b = new double[m];
        for (int j = 0; j < m; j++) {
            program.normal(j, nu);
            a[j] = nu.clone();
            b[j] = -program.preactivations()[j];
            double slope = program.highSide()[j] ? program.highSlope(j) : program.lowSlope(j);
            for (int i = 0; i < n; i++) c[i] -= slope * a[j][i];
        }
        int vars = 2 * n + 2 * m;
        double[] cost = new double[vars];
        for (int i = 0; i < n; i++) {
            cost[i] = c[i];
            cost[n + i] = -c[i];
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            int u = 2 * n + 2 * j, v = u + 1;
            cost[u] = program.highSlope(j);
            cost[v] = -program.lowSlope(j);
            double[] row = new double[vars];
            for (int i = 0; i < n; i++) {
                row[i] = a[j][i];
                row[n + i] = -a[j][i];
            }
            row[u] = -1;
            row[v] = 1;
            constraints.add(new LinearConstraint(row, Relationship.EQ, b[j]));
        }
        try {
            return new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(1_000_000),
                    new LinearObjectiveFunction(cost, 0), new LinearConstraintSet(constraints), GoalType.MINIMIZE,
                    new NonNegativeConstraint(true)).getValue();
        } catch (UnboundedSolutionException e) {
            return Double.NEGATIVE_INFINITY;
        }
    }
}

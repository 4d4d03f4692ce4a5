package org.drlp.model.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.api.Test;

/**
 * Small random LPs (L, G, E rows, ranges, every kind of bound, both senses), written as MPS text,
 * solved by the model and by an independent solver (commons-math's SimplexSolver): the same status
 * (OPTIMAL, INFEASIBLE, UNBOUNDED), the same optimum, and an optimum's dual passes the textbook check.
 */
class RandomLpTest {

    private static final int PROBLEMS = 300;

    @Test
    void agreesWithAnIndependentSimplexSolver() throws IOException {
        Map<SolveStatus, Integer> seen = new EnumMap<>(SolveStatus.class);
        Rules[] rules = Rules.values();
        for (int seed = 0; seed < PROBLEMS; seed++) {
            Random random = new Random(seed);
            String mps = randomMps(random);
            LinearProgram lp = MpsReaderTest.read(mps);
            Oracle oracle = oracle(lp);
            LpProblem problem = new LpProblem(lp, LpProblem.defaultPenalty(lp), 1e-9);
            SolveResult result = LpSolve.solve(problem, rules[seed % rules.length].create());
            String context = "seed " + seed + " (" + rules[seed % rules.length].ruleName() + "): " + result.message()
                    + "\n" + mps;
            assertEquals(oracle.status, result.status(), context);
            seen.merge(result.status(), 1, Integer::sum);
            if (oracle.status == SolveStatus.OPTIMAL) {
                assertEquals(oracle.objective, result.objective(), 1e-7 * (1 + Math.abs(oracle.objective)), context);
                LpDualCheck.check(lp, result.point(), problem.solution().duals(), result.objective(), 1e-7);
            } else {
                assertTrue(result.status() != SolveStatus.UNBOUNDED
                        || lp.maxRelativeViolation(result.point()) <= 1e-9, "an UNBOUNDED point is feasible: " + context);
            }
        }
        // the generator makes every kind often enough to test each
        for (SolveStatus status : List.of(SolveStatus.OPTIMAL, SolveStatus.INFEASIBLE, SolveStatus.UNBOUNDED)) {
            assertTrue(seen.getOrDefault(status, 0) >= 20, "only " + seen + " of " + PROBLEMS);
        }
    }

    /** 2 to 5 columns, 1 to 5 rows of small integers; some ranged, some columns bounded, fixed or free. */
    static String randomMps(Random random) {
        int n = 2 + random.nextInt(4), m = 1 + random.nextInt(5);
        StringBuilder s = new StringBuilder("NAME RANDOM\n");
        if (random.nextInt(3) == 0) s.append("OBJSENSE\n    MAX\n");
        s.append("ROWS\n N obj\n");
        String types = "LGE";
        for (int i = 0; i < m; i++) s.append(' ').append(types.charAt(random.nextInt(random.nextInt(4) == 0 ? 3 : 2))).append(" r").append(i).append('\n');
        s.append("COLUMNS\n");
        for (int j = 0; j < n; j++) {
            s.append(" x").append(j).append(" obj ").append(random.nextInt(11) - 5).append('\n');
            for (int i = 0; i < m; i++) {
                if (random.nextInt(4) == 0) continue;
                s.append(" x").append(j).append(" r").append(i).append(' ').append(random.nextInt(9) - 4).append('\n');
            }
        }
        s.append("RHS\n");
        for (int i = 0; i < m; i++) s.append(" rhs r").append(i).append(' ').append(random.nextInt(21) - 6).append('\n');
        s.append("RANGES\n");
        for (int i = 0; i < m; i++) {
            if (random.nextInt(4) == 0) s.append(" rng r").append(i).append(' ').append(random.nextInt(9) - 4).append('\n');
        }
        s.append("BOUNDS\n");
        for (int j = 0; j < n; j++) {
            switch (random.nextInt(7)) {
                case 0 -> s.append(" UP bnd x").append(j).append(' ').append(random.nextInt(8) - 2).append('\n');
                case 1 -> s.append(" LO bnd x").append(j).append(' ').append(random.nextInt(5) - 3).append('\n');
                case 2 -> s.append(" FR bnd x").append(j).append('\n');
                case 3 -> s.append(" MI bnd x").append(j).append('\n');
                case 4 -> s.append(" FX bnd x").append(j).append(' ').append(random.nextInt(5) - 2).append('\n');
                default -> { } // the default [0, inf)
            }
        }
        return s.append("ENDATA\n").toString();
    }

    private record Oracle(SolveStatus status, double objective) {
    }

    /** commons-math's simplex on the same LP, every row and finite bound a constraint, x unrestricted in sign. */
    private static Oracle oracle(LinearProgram lp) {
        int n = lp.columns();
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < lp.rows(); i++) {
            double[] a = new double[n];
            for (int e = lp.rowStart()[i]; e < lp.rowStart()[i + 1]; e++) a[lp.entryColumn()[e]] = lp.entryValue()[e];
            add(constraints, a, lp.rowLower()[i], lp.rowUpper()[i]);
        }
        for (int j = 0; j < n; j++) {
            double[] a = new double[n];
            a[j] = 1;
            add(constraints, a, lp.columnLower()[j], lp.columnUpper()[j]);
        }
        try {
            PointValuePair optimum = new SimplexSolver().optimize(new MaxIter(100_000),
                    new LinearObjectiveFunction(lp.cost(), lp.constant()), new LinearConstraintSet(constraints),
                    lp.maximise() ? GoalType.MAXIMIZE : GoalType.MINIMIZE, new NonNegativeConstraint(false));
            return new Oracle(SolveStatus.OPTIMAL, optimum.getValue());
        } catch (NoFeasibleSolutionException e) {
            return new Oracle(SolveStatus.INFEASIBLE, Double.NaN);
        } catch (UnboundedSolutionException e) {
            return new Oracle(SolveStatus.UNBOUNDED, Double.NaN);
        }
    }

    private static void add(List<LinearConstraint> constraints, double[] a, double lower, double upper) {
        if (lower == upper) {
            constraints.add(new LinearConstraint(a, Relationship.EQ, lower));
            return;
        }
        if (Double.isFinite(lower)) constraints.add(new LinearConstraint(a, Relationship.GEQ, lower));
        if (Double.isFinite(upper)) constraints.add(new LinearConstraint(a, Relationship.LEQ, upper));
    }
}

package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.drlp.api.Parameters;
import org.drlp.api.RunListener;
import org.drlp.data.SyntheticDataSource;
import org.drlp.spi.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Least absolute deviations over every kind of synthetic problem, at two sizes and with two pivot
 * rules, through the experiment service: each run ends OPTIMAL at the optimum of the same problem
 * as a linear program solved by commons-math3's simplex.
 */
class SyntheticKindsSolveTest {

    private static final List<String> KINDS =
            List.of("gaussian", "heavy-ties", "duplicate-rows", "collinear", "p-near-n", "cauchy", "scaled");

    @TempDir
    Path directory;

    @Test
    void everyKindEndsOptimalAtTheLinearProgramsOptimum() throws Exception {
        Path spec = Specs.write(directory, "kinds.json", """
                {"trace": false,
                 "data": {"source": "synthetic", "p": 3, "seed": 5},
                 "model": {"type": "linear", "intercept": true}, "loss": {"type": "absolute"},
                 "sweep": {"data.kind": %s, "data.n": [12, 40], "solver.pivot": ["dantzig", "steepest-edge"]}}
                """.formatted(new com.google.gson.Gson().toJson(KINDS)));
        Path output = directory.resolve("out");
        ShippedPlugins.runner().run(spec, output, RunListener.NONE);
        JsonArray runs = Specs.results(output).getAsJsonArray("runs");
        assertEquals(KINDS.size() * 2 * 2, runs.size());
        Map<String, Double> objectives = new HashMap<>();
        for (int r = 0; r < runs.size(); r++) {
            JsonObject run = runs.get(r).getAsJsonObject();
            JsonObject sweep = run.getAsJsonObject("sweep");
            String kind = sweep.get("data.kind").getAsString();
            long n = sweep.get("data.n").getAsLong();
            String label = run.get("label").getAsString();
            assertEquals("OPTIMAL", run.get("status").getAsString(), label + ": " + run.get("message"));
            assertEquals("data.kind=" + kind + " data.n=" + n, run.get("problem").getAsString());
            double lp = leastAbsoluteDeviations(synthetic(kind, n));
            assertEquals(lp, run.get("objective").getAsDouble(), 1e-7 * (1 + Math.abs(lp)), label);
            objectives.put(kind + " " + n, run.get("objective").getAsDouble());
        }
        for (long n : new long[] {12, 40}) {
            double plain = objectives.get("gaussian " + n);
            // scaling a column scales its coefficient and leaves the fitted values, and so the optimum, unchanged
            assertEquals(plain, objectives.get("scaled " + n), 1e-9 * plain, "scaled, n " + n);
            assertEquals(0, objectives.get("p-near-n " + n), 1e-9, "as many coefficients as rows: an exact fit");
        }
    }

    private static Dataset synthetic(String kind, long n) {
        SyntheticDataSource source = new SyntheticDataSource();
        return source.load(Parameters.resolve("synthetic", source.parameters(),
                Map.of("kind", kind, "n", n, "p", 3L, "seed", 5L), null));
    }

    /**
     * min sum u + v subject to b0 + x b - y = u - v, u, v >= 0, b free (split in b+ - b-): the
     * least-absolute-deviations fit as a linear program.
     */
    private static double leastAbsoluteDeviations(Dataset data) {
        int rows = data.rows(), width = data.columns() + 1, vars = 2 * width + 2 * rows;
        double[] cost = new double[vars];
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double[] coefficients = new double[vars];
            for (int c = 0; c < width; c++) {
                double a = c == 0 ? 1 : data.feature(i, c - 1);
                coefficients[c] = a;
                coefficients[width + c] = -a;
            }
            int u = 2 * width + 2 * i;
            coefficients[u] = -1;
            coefficients[u + 1] = 1;
            cost[u] = cost[u + 1] = 1;
            constraints.add(new LinearConstraint(coefficients, Relationship.EQ, data.target()[i]));
        }
        return new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000), new LinearObjectiveFunction(cost, 0),
                new LinearConstraintSet(constraints), GoalType.MINIMIZE, new NonNegativeConstraint(true)).getValue();
    }
}

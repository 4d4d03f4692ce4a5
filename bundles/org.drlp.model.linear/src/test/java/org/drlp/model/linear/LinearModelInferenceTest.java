package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drlp.api.CoefficientTable;
import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.spi.Dataset;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;
import org.junit.jupiter.api.Test;

/** The linear model's inference parameters, through build and Problem.coefficients as a run calls them. */
class LinearModelInferenceTest {

    private static final VertexWalkSolver SOLVER = new VertexWalkSolver();

    private static Optional<CoefficientTable> run(LinearModelProvider model, PiecewiseLinearLoss loss,
                                                  Map<String, Object> given) {
        ReferenceData.Data d = ReferenceData.data("engel");
        double[] income = new double[d.target().length];
        for (int i = 0; i < income.length; i++) income[i] = d.design()[i * 2];
        Dataset engel = new Dataset("engel.csv", List.of("income"), "foodexp", income.length, income, d.target());
        Parameters parameters = Parameters.resolve("model \"linear\"", model.parameters(), given, null);
        Problem problem = model.build(engel, loss, parameters);
        SolveResult result = SOLVER.solve(problem.program(), problem.start(), Fixtures.DANTZIG, SolverOptions.defaults(),
                StepListener.NONE);
        return problem.coefficients(result);
    }

    private static double[] features(ReferenceData.Data d) {
        int n = d.target().length, k = d.p() - 1;
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) System.arraycopy(d.design(), i * d.p(), out, i * k, k);
        return out;
    }

    @Test
    void rankAsR() {
        CoefficientTable table = run(new LinearModelProvider(SOLVER), Fixtures.quantile(0.25),
                Map.of("inference", "rank", "level", 0.9)).orElseThrow();
        assertEquals(List.of("income", "intercept"), table.rows().stream().map(r -> r.name()).toList());
        for (ReferenceData.Reference r : ReferenceData.references()) {
            if (!r.data().equals("engel") || r.tau() != 0.25 || !r.what().equals("rank-iid") || r.param() != 0.9) continue;
            CoefficientTable.Coefficient c = table.rows().stream().filter(x -> x.name().equals(r.coefficient()))
                    .findFirst().orElseThrow();
            assertEquals(r.lower(), c.lower(), 1e-6 * Math.abs(r.lower()));
            assertEquals(r.upper(), c.upper(), 1e-6 * Math.abs(r.upper()));
        }
    }

    @Test
    void nidRankAndBothBootstraps() {
        Map<String, Object> given = new HashMap<>(Map.of("inference", "rank", "rankIid", false, "level", 0.95));
        CoefficientTable nid = run(new LinearModelProvider(SOLVER), Fixtures.absolute(), given).orElseThrow();
        for (ReferenceData.Reference r : ReferenceData.references()) {
            if (!r.data().equals("engel") || r.tau() != 0.5 || !r.what().equals("rank-nid") || r.param() != 0.95) continue;
            CoefficientTable.Coefficient c = nid.rows().get(r.coefficient().equals("income") ? 0 : 1);
            assertEquals(r.lower(), c.lower(), 1e-6 * Math.abs(r.lower()));
            assertEquals(r.upper(), c.upper(), 1e-6 * Math.abs(r.upper()));
        }
        for (String method : List.of("xy", "wild")) {
            CoefficientTable boot = run(new LinearModelProvider(SOLVER), Fixtures.quantile(0.5), Map.of("inference", "boot",
                    "bootstrapMethod", method, "bootstrapReplicates", 30L, "bootstrapSeed", 5L)).orElseThrow();
            assertEquals("boot", boot.inference());
            assertEquals(0.95, boot.level());
            assertTrue(boot.notes().get(0).startsWith("bootstrap " + method + ", 30 replicates, seed 5: "), boot.notes().get(0));
            assertTrue(boot.rows().stream().allMatch(r -> r.standardError() > 0));
        }
    }

    @Test
    void noneAndMisuse() {
        assertEquals("rank", run(new LinearModelProvider(SOLVER), Fixtures.absolute(), Map.of()).orElseThrow().inference(),
                "R's default below 1001 rows");
        assertEquals(Optional.empty(), run(new LinearModelProvider(SOLVER), Fixtures.absolute(), Map.of("inference", "none"))
                .map(CoefficientTable::rows).filter(rows -> rows.stream().anyMatch(r -> !Double.isNaN(r.standardError()))));
        IllegalArgumentException loss = assertThrows(IllegalArgumentException.class, () -> run(new LinearModelProvider(SOLVER),
                Fixtures.epsilonInsensitive(1), Map.of("inference", "rank")));
        assertTrue(loss.getMessage().startsWith("model.inference: \"rank\" needs a quantile or absolute loss"),
                loss.getMessage());
        ReferenceData.Data d = ReferenceData.data("stackloss");
        Dataset stackloss = new Dataset("stackloss.csv", List.of("a", "b", "c"), "y", d.target().length,
                features(d), d.target());
        LinearModelProvider model = new LinearModelProvider(SOLVER);
        Problem problem = model.build(stackloss, Fixtures.absolute(), Parameters.resolve("model", model.parameters(),
                Map.of("inference", "rank"), null));
        // a point at a limit gets its table, which says that it is not of a certified minimum
        CoefficientTable limited = problem.coefficients(new SolveResult(SolveStatus.ITERATION_LIMIT, 1,
                new double[] {1, 0.5, -0.1, -40}, 3, 0, 0, null, "")).orElseThrow();
        assertTrue(limited.notes().contains("the point is ITERATION_LIMIT, not a certified minimum: the table is of that point"),
                limited.notes().toString());
        // inference that cannot be made leaves the estimates and says why
        assertTrue(limited.notes().get(0).startsWith("inference \"rank\" failed: rank inversion"), limited.notes().toString());
        CoefficientTable noSolver = run(new LinearModelProvider(), Fixtures.absolute(), Map.of("inference", "boot")).orElseThrow();
        assertTrue(noSolver.notes().get(0).contains("Solver service"), noSolver.notes().toString());
    }
}

package org.drlp.model.linear;

import static org.drlp.model.linear.RReferenceFiles.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.drlp.api.SolveResult;
import org.drlp.spi.Dataset;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;
import org.junit.jupiter.api.Test;

/**
 * Fits with factors and interactions against R's {@code rq} on the same data read with
 * {@code read.csv(stringsAsFactors = TRUE)} (src/test/r/weights-reference.R).
 */
class CategoricalFitsMatchQuantregTest {

    /** breaks ~ wool * tension: a saturated model of 9 rows a cell, whose median fit is unique. */
    @Test
    void factorByFactorMatchesRsCoefficients() {
        Dataset warp = dataset("categorical/warpbreaks.csv", "breaks", List.of("wool", "tension"));
        check(warp, Map.of("interactions", List.of("wool:tension")), "warpbreaks", 0.5, true);
        check(warp, Map.of("interactions", List.of("wool:tension"), "reference", List.of("tension=M")),
                "warpbreaks-reference-M", 0.5, true);
    }

    /**
     * len ~ dose * supp: R warns that these solutions may be nonunique, so the coefficients may
     * differ; R's coefficients under this coding give R's objective, and the walk reaches it.
     */
    @Test
    void numericByFactorReachesRsObjective() {
        Dataset tooth = dataset("categorical/toothgrowth.csv", "len", List.of("supp"));
        for (double tau : new double[] {0.5, 0.8}) {
            check(tooth, Map.of("interactions", List.of("dose:supp")), "toothgrowth", tau, false);
        }
    }

    private static void check(Dataset data, Map<String, Object> given, String fitCase, double tau, boolean unique) {
        PiecewiseLinearLoss loss = Fixtures.quantile(tau);
        Problem problem = build(data, loss, given);
        Map<String, Double> r = reference(fitCase, tau);
        assertEquals(r.keySet().size() - 1, problem.parameterNames().size(), "the columns: " + problem.parameterNames());
        double[] expected = coefficients(r, problem.parameterNames());
        double[] design = problem.design(data).orElseThrow();
        int n = expected.length;
        double objective = r.get("objective");
        assertEquals(objective, objective(design, data.target(), null, n, loss, expected), 1e-9 * objective,
                fitCase + ": R's coefficients under this coding");
        SolveResult result = solve(problem);
        assertEquals(objective, result.objective(), 1e-9 * objective, fitCase + " tau " + tau);
        if (!unique) return;
        for (int c = 0; c < n; c++) {
            assertEquals(expected[c], result.point()[c], 1e-9 * Math.max(1, Math.abs(expected[c])),
                    fitCase + ": " + problem.parameterNames().get(c));
        }
    }
}

package org.drlp.model.linear;

import static org.drlp.model.linear.RReferenceFiles.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.drlp.api.SolveResult;
import org.drlp.spi.Dataset;
import org.drlp.spi.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Weighted quantile regressions against R's {@code rq(..., weights = w)} (src/test/r/weights-reference.R). */
class WeightedFitsMatchQuantregTest {

    @ParameterizedTest(name = "{0} tau={2}")
    @CsvSource({"engel-weighted,foodexp,0.25", "engel-weighted,foodexp,0.5", "engel-weighted,foodexp,0.9",
            "stackloss-weighted,stack.loss,0.25", "stackloss-weighted,stack.loss,0.5", "stackloss-weighted,stack.loss,0.75"})
    void coefficientsAndObjectiveAreQuantregs(String fitCase, String target, double tau) {
        Dataset data = dataset(fitCase + ".csv", target, List.of());
        Problem problem = build(data, Fixtures.quantile(tau), Map.of("weights", "w"));
        assertTrue(!problem.parameterNames().contains("w"), "the weights are not a feature: " + problem.parameterNames());
        SolveResult result = solve(problem);
        Map<String, Double> r = reference(fitCase, tau);
        double[] expected = coefficients(r, problem.parameterNames());
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], result.point()[c], 1e-9 * Math.max(1, Math.abs(expected[c])),
                    fitCase + " tau " + tau + ": " + problem.parameterNames().get(c));
        }
        assertEquals(r.get("objective"), result.objective(), 1e-9 * r.get("objective"));
    }

    @Test
    void negativeOrNonFiniteWeightsAreNamedWithTheirRow() {
        for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            Dataset data = withWeight(dataset("stackloss-weighted.csv", "stack.loss", List.of()), 6, bad);
            var e = assertThrows(IllegalArgumentException.class, () -> build(data, Fixtures.absolute(), Map.of("weights", "w")));
            assertTrue(e.getMessage().contains("data row 7, weights column \"w\": weight " + bad), e.getMessage());
        }
    }

    @Test
    void allZeroWeightsAndAWeightsFeatureAreRefused() {
        Dataset data = dataset("stackloss-weighted.csv", "stack.loss", List.of());
        for (int i = 0; i < data.rows(); i++) data = withWeight(data, i, 0);
        Dataset zero = data;
        var e = assertThrows(IllegalArgumentException.class, () -> build(zero, Fixtures.absolute(), Map.of("weights", "w")));
        assertTrue(e.getMessage().contains("every weight in \"w\" is 0"), e.getMessage());
        var feature = assertThrows(IllegalArgumentException.class, () -> build(zero, Fixtures.absolute(),
                Map.of("weights", "w", "features", List.of("Air.Flow", "w"))));
        assertTrue(feature.getMessage().contains("\"w\" is the weights column, not a feature"), feature.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> build(zero, Fixtures.absolute(), Map.of("weights", "v")));
        assertTrue(unknown.getMessage().contains("no numeric column \"v\" for the weights"), unknown.getMessage());
    }

    /** The inference's view of a weighted fit is rq.wfit's: rows and targets times their weights, 0-weight rows kept. */
    @Test
    void theQuantileFitFoldsTheWeightsAsRqWfit() {
        Dataset data = dataset("stackloss-weighted.csv", "stack.loss", List.of());
        var problem = (LinearModelProvider.LinearProblem) build(data, Fixtures.quantile(0.5), Map.of("weights", "w"));
        SolveResult result = solve(problem);
        QuantileFit fit = problem.quantileFit(result.point(), true);
        assertEquals(data.rows(), fit.rows());
        int w = data.featureNames().indexOf("w");
        for (int i = 0; i < data.rows(); i++) {
            double weight = data.feature(i, w);
            double fitted = data.feature(i, 0) * result.point()[0] + data.feature(i, 1) * result.point()[1]
                    + data.feature(i, 2) * result.point()[2] + result.point()[3];
            assertEquals(weight, fit.x(i, 3), "the intercept column carries the weight");
            assertEquals(weight * data.feature(i, 0), fit.x(i, 0));
            assertEquals(weight * (data.target()[i] - fitted), fit.residual(i), 1e-9);
        }
    }

    /** The data with row's weight (column w) replaced. */
    static Dataset withWeight(Dataset data, int row, double weight) {
        double[] x = data.features().clone();
        x[row * data.columns() + data.featureNames().indexOf("w")] = weight;
        return new Dataset(data.source(), data.featureNames(), data.targetName(), data.rows(), x, data.target(),
                data.textColumns(), 0);
    }
}

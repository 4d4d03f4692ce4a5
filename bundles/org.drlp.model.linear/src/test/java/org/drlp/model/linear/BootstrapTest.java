package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.drlp.api.CoefficientTable;
import org.drlp.api.CoefficientTable.Coefficient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bootstrap against R's quantreg (summary.rq se = "boot", 20,000 replicates, recorded by
 * src/test/r/rank-boot-reference.R): in distribution, since the draws are not R's.
 */
class BootstrapTest {

    /** Replicates of ours in the comparison with R. */
    private static final int REPLICATES = 2000;

    /**
     * Our standard error against R's. Both are sample standard deviations of R independent replicates,
     * whose relative standard error is sqrt((kappa - 1) / (4 R)) for the replicates' kurtosis kappa
     * (3 for a normal, more for the heavier tails of a quantile regression's bootstrap): with kappa
     * estimated from our replicates, the two estimates' difference is within 4.5 of its standard
     * deviations (a failure by chance about once in 150,000 comparisons; the test makes 14).
     */
    @ParameterizedTest(name = "{0} tau {1} {2}")
    @CsvSource({"engel, 0.25, xy", "engel, 0.5, xy", "engel, 0.5, wild", "engel, 0.75, wild",
            "stackloss, 0.5, xy", "stackloss, 0.5, wild"})
    void standardErrorsAsR(String data, double tau, String method) {
        QuantileFit fit = ReferenceData.fit(data, tau);
        Bootstrap bootstrap = new Bootstrap(ReferenceData.solves(), Bootstrap.Method.valueOf(method.toUpperCase()),
                REPLICATES, 16);
        double[][] b = bootstrap.replicates(fit).coefficients();
        List<Executable> checks = new ArrayList<>();
        for (ReferenceData.Reference r : ReferenceData.references()) {
            if (!r.data().equals(data) || r.tau() != tau || !r.what().equals("boot-" + method)) continue;
            int c = fit.names().indexOf(r.coefficient());
            double mean = 0;
            for (double[] row : b) mean += row[c] / b.length;
            double m2 = 0, m4 = 0;
            for (double[] row : b) {
                double d = row[c] - mean;
                m2 += d * d / b.length;
                m4 += d * d * d * d / b.length;
            }
            double ours = Math.sqrt(m2 * b.length / (b.length - 1));
            double kurtosis = m4 / (m2 * m2);
            double relative = Math.sqrt((kurtosis - 1) / 4 * (1.0 / REPLICATES + 1.0 / r.param()));
            checks.add(() -> assertEquals(r.lower(), ours, 4.5 * relative * r.lower(), r.coefficient() + " se (kurtosis "
                    + kurtosis + ")"));
        }
        assertEquals(fit.p(), checks.size(), "reference rows");
        assertAll(checks);
    }

    /** The same seed gives the same table; another seed other replicates. */
    @Test
    void reproducibleFromItsSeed() {
        QuantileFit fit = ReferenceData.fit("engel", 0.5);
        for (Bootstrap.Method method : Bootstrap.Method.values()) {
            CoefficientTable first = new Bootstrap(ReferenceData.solves(), method, 50, 7).table(fit, 0.9);
            CoefficientTable again = new Bootstrap(ReferenceData.solves(), method, 50, 7).table(fit, 0.9);
            CoefficientTable other = new Bootstrap(ReferenceData.solves(), method, 50, 8).table(fit, 0.9);
            assertArrayEquals(first.covariance(), again.covariance(), 0, method.id());
            assertEquals(first.rows(), again.rows(), method.id());
            assertFalse(first.rows().equals(other.rows()), method.id());
        }
    }

    /** The table follows summary.rq: t = estimate / se, its two-sided p-value, and the t interval. */
    @Test
    void tableAsSummaryRq() {
        QuantileFit fit = ReferenceData.fit("stackloss", 0.5);
        CoefficientTable table = new Bootstrap(ReferenceData.solves(), Bootstrap.Method.XY, 100, 3).table(fit, 0.9);
        assertEquals("boot", table.inference());
        assertEquals("t", table.statistic());
        assertTrue(table.notes().get(0).matches("bootstrap xy, 100 replicates, seed 3: [0-9.]+ pivots and [0-9.]+ ms per replicate"),
                table.notes().get(0));
        // R: qt(0.95, 17) = 1.73960672608 and 2 * (1 - pt(2, 17)) = 0.0617386065301
        double t95 = 1.73960672608;
        TDistribution t17 = new TDistribution(17);
        assertEquals(0.0617386065301, 2 * (1 - t17.cumulativeProbability(2)), 1e-12);
        for (int c = 0; c < fit.p(); c++) {
            Coefficient row = table.rows().get(c);
            assertEquals(Math.sqrt(table.covariance()[c * fit.p() + c]), row.standardError(), 1e-15);
            assertEquals(row.estimate() / row.standardError(), row.statistic(), 1e-12);
            assertEquals(2 * (1 - t17.cumulativeProbability(Math.abs(row.statistic()))), row.pValue(), 1e-12);
            assertEquals(row.estimate() - t95 * row.standardError(), row.lower(), 1e-9 * row.standardError());
            assertEquals(row.estimate() + t95 * row.standardError(), row.upper(), 1e-9 * row.standardError());
        }
    }

    /** akj's density at 0 of the residuals, R's f0 of the wild bootstrap, to 1e-6 relative. */
    @Test
    void adaptiveKernelDensityAsR() {
        List<Executable> checks = new ArrayList<>();
        for (ReferenceData.Reference r : ReferenceData.references()) {
            if (!r.what().equals("akj-f0")) continue;
            QuantileFit fit = ReferenceData.fit(r.data(), r.tau());
            double[] residuals = new double[fit.rows()];
            for (int i = 0; i < residuals.length; i++) residuals[i] = fit.residual(i);
            double f0 = Bootstrap.adaptiveKernelDensity(residuals, 0);
            checks.add(() -> assertEquals(r.estimate(), f0, 1e-6 * r.estimate(), r.data() + " tau " + r.tau()));
        }
        assertEquals(4, checks.size());
        assertAll(checks);
    }
}

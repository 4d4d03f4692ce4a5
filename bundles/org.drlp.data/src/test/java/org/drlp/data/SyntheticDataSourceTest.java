package org.drlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.drlp.api.ParameterException;
import org.drlp.api.Parameters;
import org.drlp.spi.Dataset;
import org.junit.jupiter.api.Test;

class SyntheticDataSourceTest {

    private static final SyntheticDataSource SYNTHETIC = new SyntheticDataSource();

    private static Dataset load(Object... keyValues) {
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) given.put((String) keyValues[i], keyValues[i + 1]);
        return SYNTHETIC.load(Parameters.resolve("data \"synthetic\"", SYNTHETIC.parameters(), given, null));
    }

    @Test
    void defaultsGiveAThousandRowsOfNineFeaturesWithTNoise() {
        Dataset data = load();
        assertEquals(1000, data.rows());
        assertEquals(List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"), data.featureNames());
        assertEquals("y", data.targetName());
        assertEquals("synthetic(n=1000, p=9, design=gaussian, noise=t, df=3, scale=1, seed=1)", data.source());
        assertTrue(Arrays.stream(data.features()).allMatch(Double::isFinite));
        assertTrue(Arrays.stream(data.target()).allMatch(Double::isFinite));
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOther() {
        Dataset first = load("n", 50, "p", 3, "seed", 17), again = load("n", 50, "p", 3, "seed", 17);
        assertArrayEquals(first.features(), again.features());
        assertArrayEquals(first.target(), again.target());
        Dataset other = load("n", 50, "p", 3, "seed", 18);
        assertFalse(Arrays.equals(first.features(), other.features()));
        assertFalse(Arrays.equals(first.target(), other.target()));
    }

    @Test
    void withoutFeaturesTheTargetIsOnePlusNoise() {
        Dataset data = load("n", 7, "p", 0, "noise", "gaussian", "scale", 0.001);
        assertEquals(List.of(), data.featureNames());
        assertEquals(0, data.features().length);
        for (double y : data.target()) assertEquals(1, y, 0.01);
    }

    /** y - 1 - sum x is the noise; with a tiny scale it vanishes, so every coefficient is 1. */
    @Test
    void everyCoefficientIsOne() {
        for (String design : new String[] {"gaussian", "uniform"}) {
            Dataset data = load("n", 200, "p", 4, "design", design, "noise", "laplace", "scale", 1e-9);
            for (int i = 0; i < data.rows(); i++) {
                double fit = 1;
                for (int j = 0; j < data.columns(); j++) fit += data.feature(i, j);
                assertEquals(fit, data.target()[i], 1e-6);
            }
        }
    }

    @Test
    void theDesignsHaveTheirDocumentedDistributions() {
        double[] gaussian = load("n", 20_000, "p", 1, "design", "gaussian").features();
        assertEquals(0, mean(gaussian), 0.03);
        assertEquals(1, variance(gaussian), 0.05);
        double[] uniform = load("n", 20_000, "p", 1, "design", "uniform").features();
        assertTrue(Arrays.stream(uniform).allMatch(v -> v >= 0 && v < 1));
        assertEquals(0.5, mean(uniform), 0.01);
        assertEquals(1.0 / 12, variance(uniform), 0.005);
    }

    /** t with 3 degrees of freedom: P(|e| > 4) is 0.028; for a Gaussian 6e-5. */
    @Test
    void tNoiseHasHeavyTailsAndGaussianNoiseHasNot() {
        assertTrue(tailFraction("t", 4) > 0.02, "t(3) tail " + tailFraction("t", 4));
        assertTrue(tailFraction("gaussian", 4) < 0.001, "gaussian tail " + tailFraction("gaussian", 4));
        assertTrue(tailFraction("cauchy", 4) > 0.1, "cauchy tail " + tailFraction("cauchy", 4));
        // Laplace(0, 1): P(|e| > 4) = e^-4 = 0.018
        assertEquals(Math.exp(-4), tailFraction("laplace", 4), 0.005);
    }

    @Test
    void scaleMultipliesTheNoise() {
        double[] unit = load("n", 100, "p", 0, "noise", "cauchy").target();
        double[] tenfold = load("n", 100, "p", 0, "noise", "cauchy", "scale", 10).target();
        for (int i = 0; i < unit.length; i++) assertEquals(10 * (unit[i] - 1), tenfold[i] - 1, 1e-9);
    }

    private static double tailFraction(String noise, double threshold) {
        double[] y = load("n", 20_000, "p", 0, "noise", noise, "seed", 5).target();
        return Arrays.stream(y).filter(v -> Math.abs(v - 1) > threshold).count() / (double) y.length;
    }

    @Test
    void outOfRangeOrUnknownChoicesAreRejected() {
        assertThrows(ParameterException.class, () -> load("n", 0));
        assertThrows(ParameterException.class, () -> load("p", -1));
        assertThrows(ParameterException.class, () -> load("df", 0));
        assertThrows(ParameterException.class, () -> load("scale", -1));
        ParameterException noise = assertThrows(ParameterException.class, () -> load("noise", "student"));
        assertTrue(noise.getMessage().contains("one of gaussian, t, laplace, cauchy"), noise.getMessage());
        ParameterException tooBig = assertThrows(ParameterException.class, () -> load("n", 1_000_000_000, "p", 100));
        assertTrue(tooBig.getMessage().contains("n * p"), tooBig.getMessage());
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double variance(double[] values) {
        double mean = mean(values);
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
    }
}

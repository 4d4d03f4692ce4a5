package org.drlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.math3.distribution.CauchyDistribution;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.drlp.api.ParameterException;
import org.drlp.api.Parameters;
import org.drlp.spi.CheckContext;
import org.drlp.spi.Dataset;
import org.junit.jupiter.api.Test;

/** Every kind of the synthetic data source has the property that names it; gaussian is the data of before kinds. */
class SyntheticKindTest {

    private static final SyntheticDataSource SYNTHETIC = new SyntheticDataSource();

    private static Parameters parameters(Object... keyValues) {
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) given.put((String) keyValues[i], keyValues[i + 1]);
        return Parameters.resolve("data \"synthetic\"", SYNTHETIC.parameters(), given, null);
    }

    private static Dataset load(Object... keyValues) {
        return SYNTHETIC.load(parameters(keyValues));
    }

    /**
     * The generator as it was before kinds, copied here as the oracle: y = 1 + x1 + ... + xp +
     * scale * noise, row by row, every draw from one Well19937c.
     */
    private static double[][] before(int n, int p, String design, String noise, double df, double scale, long seed) {
        RandomGenerator random = new Well19937c(seed);
        RealDistribution e = switch (noise) {
            case "gaussian" -> new NormalDistribution(random, 0, 1);
            case "t" -> new TDistribution(random, df);
            case "laplace" -> new LaplaceDistribution(random, 0, 1);
            default -> new CauchyDistribution(random, 0, 1);
        };
        double[] x = new double[n * p], y = new double[n];
        for (int i = 0; i < n; i++) {
            double fit = 1;
            for (int j = 0; j < p; j++) {
                double value = design.equals("gaussian") ? random.nextGaussian() : random.nextDouble();
                x[i * p + j] = value;
                fit += value;
            }
            y[i] = fit + scale * e.sample();
        }
        return new double[][] {x, y};
    }

    @Test
    void gaussianIsBitForBitTheDataOfBeforeKinds() {
        for (String design : List.of("gaussian", "uniform")) {
            for (String noise : List.of("gaussian", "t", "laplace", "cauchy")) {
                for (int p : new int[] {0, 1, 4}) {
                    double[][] expected = before(57, p, design, noise, 2.5, 0.3, 11);
                    for (Dataset data : List.of(
                            load("n", 57, "p", p, "design", design, "noise", noise, "df", 2.5, "scale", 0.3, "seed", 11),
                            load("kind", "gaussian", "n", 57, "p", p, "design", design, "noise", noise, "df", 2.5,
                                    "scale", 0.3, "seed", 11))) {
                        String context = design + " " + noise + " p=" + p;
                        assertArrayEquals(expected[0], data.features(), context);
                        assertArrayEquals(expected[1], data.target(), context);
                    }
                }
            }
        }
        double[][] defaults = before(1000, 9, "gaussian", "t", 3, 1, 1);
        assertArrayEquals(defaults[1], load().target(), "the defaults");
    }

    @Test
    void cauchyIsTheGaussianKindWithCauchyNoiseWhateverNoiseSays() {
        double[][] expected = before(200, 3, "uniform", "cauchy", 3, 2, 4);
        Dataset data = load("kind", "cauchy", "noise", "t", "n", 200, "p", 3, "design", "uniform", "scale", 2, "seed", 4);
        assertArrayEquals(expected[0], data.features());
        assertArrayEquals(expected[1], data.target());
        assertTrue(data.source().contains("kind=cauchy") && data.source().contains("noise=cauchy"), data.source());
    }

    @Test
    void heavyTiesHasFewDistinctValuesAllIntegers() {
        int n = 1000, p = 3;
        Dataset data = load("kind", "heavy-ties", "n", n, "p", p);
        for (int j = 0; j < p; j++) {
            Set<Double> values = new HashSet<>();
            for (int i = 0; i < n; i++) values.add(data.feature(i, j));
            assertTrue(values.size() <= 11, "column " + j + " has " + values.size() + " distinct values");
        }
        Set<Double> targets = new HashSet<>();
        for (double y : data.target()) targets.add(y);
        assertTrue(targets.size() <= n / 10, targets.size() + " distinct targets of " + n);
        assertTrue(Arrays.stream(data.features()).allMatch(v -> v == Math.rint(v)));
        assertTrue(Arrays.stream(data.target()).allMatch(v -> v == Math.rint(v)));
        // a uniform design rounds to 0 and 1
        Dataset uniform = load("kind", "heavy-ties", "n", 300, "p", 2, "design", "uniform");
        assertTrue(Arrays.stream(uniform.features()).allMatch(v -> v == 0 || v == 1));
    }

    /** With a tiny noise scale the rounded y is 1 + the sum of the rounded x: the linear model holds on the tied data. */
    @Test
    void heavyTiesKeepsEveryCoefficientOne() {
        Dataset data = load("kind", "heavy-ties", "n", 300, "p", 4, "scale", 1e-9);
        for (int i = 0; i < data.rows(); i++) {
            double fit = 1;
            for (int j = 0; j < data.columns(); j++) fit += data.feature(i, j);
            assertEquals(fit, data.target()[i], 0);
        }
    }

    @Test
    void duplicateRowsRepeatsEachDrawnRowCopiesTimes() {
        int n = 10, p = 3;
        Dataset data = load("kind", "duplicate-rows", "copies", 3, "n", n, "p", p, "seed", 9);
        assertEquals(n, data.rows());
        double[][] distinct = before(4, p, "gaussian", "t", 3, 1, 9); // ceil(10 / 3) rows
        for (int i = 0; i < n; i++) {
            int source = i / 3;
            for (int j = 0; j < p; j++) assertEquals(distinct[0][source * p + j], data.feature(i, j), 0, "row " + i);
            assertEquals(distinct[1][source], data.target()[i], 0, "row " + i);
        }
        Set<List<Double>> rows = new HashSet<>();
        for (int i = 0; i < n; i++) rows.add(row(data, i));
        assertEquals(4, rows.size());
        assertEquals(5, new HashSet<>(rows(load("kind", "duplicate-rows", "n", 9))).size(),
                "default copies 2: 9 rows hold 5 distinct ones");
    }

    /** The last column is exactly the sum of the others, checked in exact decimal arithmetic: the design has rank p - 1. */
    @Test
    void collinearHasAnExactLinearDependency() {
        for (int p : new int[] {2, 3, 8}) {
            Dataset data = load("kind", "collinear", "n", 500, "p", p, "seed", p);
            for (int i = 0; i < data.rows(); i++) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int j = 0; j < p - 1; j++) sum = sum.add(new BigDecimal(data.feature(i, j)));
                assertEquals(0, sum.compareTo(new BigDecimal(data.feature(i, p - 1))), "row " + i + ", p " + p);
            }
            // the other columns are still the random draws (to the grid), not all zero
            assertTrue(Arrays.stream(data.features()).filter(v -> v != 0).count() > data.features().length / 2);
        }
        Dataset exact = load("kind", "collinear", "n", 100, "p", 4, "scale", 1e-9);
        for (int i = 0; i < exact.rows(); i++) {
            double fit = 1;
            for (int j = 0; j < exact.columns(); j++) fit += exact.feature(i, j);
            assertEquals(fit, exact.target()[i], 1e-6, "y = 1 + x1 + ... + xp + noise still holds");
        }
    }

    @Test
    void scaledPutsTheColumnsFromOneMillionthToAMillionAndKeepsY() {
        int n = 2000, p = 5;
        double[][] plain = before(n, p, "gaussian", "t", 3, 1, 3);
        Dataset data = load("kind", "scaled", "n", n, "p", p, "seed", 3);
        assertArrayEquals(plain[1], data.target(), "y is the plain data's");
        double smallest = Double.POSITIVE_INFINITY, largest = 0;
        for (int j = 0; j < p; j++) {
            double factor = Math.pow(10, -6 + 3 * j); // 1e-6, 1e-3, 1, 1e3, 1e6
            double squares = 0;
            for (int i = 0; i < n; i++) {
                assertEquals(plain[0][i * p + j] * factor, data.feature(i, j), 1e-14 * factor * Math.abs(plain[0][i * p + j]));
                squares += data.feature(i, j) * data.feature(i, j);
            }
            double rms = Math.sqrt(squares / n);
            assertEquals(factor, rms, 0.1 * factor, "column " + j + " (standard normal draws times " + factor + ")");
            smallest = Math.min(smallest, rms);
            largest = Math.max(largest, rms);
        }
        assertTrue(largest / smallest > 0.8e12 && largest / smallest < 1.25e12, "the column norms span 1e12");
    }

    @Test
    void pNearNTakesOneFeatureFewerThanRows() {
        Dataset data = load("kind", "p-near-n", "n", 40, "p", 3);
        assertEquals(39, data.columns());
        assertEquals(39, SYNTHETIC.featureNames(parameters("kind", "p-near-n", "n", 40)).orElseThrow().size());
        double[][] expected = before(40, 39, "gaussian", "t", 3, 1, 1);
        assertArrayEquals(expected[0], data.features());
        assertArrayEquals(expected[1], data.target());
        assertTrue(data.source().startsWith("synthetic(kind=p-near-n, n=40, p=39,"), data.source());
    }

    @Test
    void kindsThatNeedTwoFeaturesSaySoAndUnknownKindsListTheChoices() {
        for (String kind : List.of("collinear", "scaled")) {
            List<String> problems = new ArrayList<>();
            SYNTHETIC.check(parameters("kind", kind, "p", 1), recorder(problems));
            assertEquals(List.of("p: kind " + kind + " needs p >= 2 (has 1)"), problems);
            assertThrows(ParameterException.class, () -> load("kind", kind, "p", 1));
        }
        List<String> tooBig = new ArrayList<>();
        SYNTHETIC.check(parameters("kind", "p-near-n", "n", 100_000), recorder(tooBig));
        assertEquals(1, tooBig.size());
        assertTrue(tooBig.get(0).startsWith("n: n * p = 9999900000 values"), tooBig.get(0));
        ParameterException unknown = assertThrows(ParameterException.class, () -> load("kind", "sparse"));
        assertTrue(unknown.getMessage().contains(
                "one of gaussian, heavy-ties, duplicate-rows, collinear, p-near-n, cauchy, scaled"), unknown.getMessage());
        assertThrows(ParameterException.class, () -> load("kind", "duplicate-rows", "copies", 1));
    }

    private static CheckContext recorder(List<String> problems) {
        return new CheckContext() {
            @Override
            public void problem(String parameter, String message) {
                problems.add(parameter + ": " + message);
            }

            @Override
            public Optional<List<String>> featureNames() {
                return Optional.empty();
            }

            @Override
            public Optional<String> model() {
                return Optional.empty();
            }

            @Override
            public Optional<String> method() {
                return Optional.empty();
            }
        };
    }

    private static List<Double> row(Dataset data, int i) {
        List<Double> row = new ArrayList<>();
        for (int j = 0; j < data.columns(); j++) row.add(data.feature(i, j));
        row.add(data.target()[i]);
        return row;
    }

    private static List<List<Double>> rows(Dataset data) {
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < data.rows(); i++) rows.add(row(data, i));
        return rows;
    }
}

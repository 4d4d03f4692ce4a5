package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.math3.distribution.TDistribution;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The iid, nid and ker tables of the model against R quantreg 5.94's summary.rq on the same data,
 * recorded by src/test/r/inference-reference.R in inference-reference.csv: estimates, standard
 * errors, t values and p-values to 1e-6 relative.
 */
class SandwichInferenceTest {

    private static final double RELATIVE = 1e-6;

    /** One row of inference-reference.csv. */
    private record Reference(String data, double tau, String se, String name, double estimate, double stdError,
                             double statistic, double pValue, int rdf) {
    }

    private static List<Reference> references() throws IOException {
        List<Reference> rows = new ArrayList<>();
        try (InputStream in = SandwichInferenceTest.class.getResourceAsStream("inference-reference.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                rows.add(new Reference(c[0], Double.parseDouble(c[1]), c[2], c[3], Double.parseDouble(c[4]),
                        Double.parseDouble(c[5]), Double.parseDouble(c[6]), Double.parseDouble(c[7]),
                        Integer.parseInt(c[8])));
            }
        }
        return rows;
    }

    static Stream<Arguments> cases() throws IOException {
        Map<String, List<Reference>> byCase = new java.util.LinkedHashMap<>();
        for (Reference r : references()) byCase.computeIfAbsent(r.data() + " " + r.tau() + " " + r.se(), k -> new ArrayList<>()).add(r);
        return byCase.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tableIsRsSummaryRq(String name, List<Reference> expected) throws IOException {
        Reference first = expected.get(0);
        CoefficientTable table = solveAndTabulate(first.data(), first.tau(), Map.of("inference", first.se()));
        assertEquals(first.se(), table.inference());
        assertEquals("t", table.statistic());
        assertEquals(expected.size(), table.rows().size());
        double quantile = new TDistribution(first.rdf()).inverseCumulativeProbability(0.975);
        for (Reference r : expected) {
            CoefficientTable.Coefficient row = table.rows().stream().filter(c -> c.name().equals(r.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no row " + r.name()));
            close(r.estimate(), row.estimate(), r + " estimate");
            close(r.stdError(), row.standardError(), r + " se");
            close(r.statistic(), row.statistic(), r + " t");
            // R's 2 (1 - pt(|t|)) is 0 below 1e-16, ours 2 pt(-|t|) is not: absolute slack of 1e-15
            assertEquals(r.pValue(), row.pValue(), RELATIVE * r.pValue() + 1e-15, r + " p");
            close(row.estimate() - quantile * row.standardError(), row.lower(), r + " lower");
            close(row.estimate() + quantile * row.standardError(), row.upper(), r + " upper");
        }
        int p = expected.size();
        for (int c = 0; c < p; c++) {
            double se = table.rows().get(c).standardError();
            close(se * se, table.covariance()[c * p + c], "covariance diagonal");
        }
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }

    @Test
    void bandwidthIsHallSheather() {
        // R: bandwidth.rq(0.5, 235) and bandwidth.rq(0.1, 1000)
        assertEquals(0.15743933142023736, SandwichInference.bandwidth(0.5, 235), 1e-12);
        assertEquals(0.03459946254739369, SandwichInference.bandwidth(0.1, 1000), 1e-12);
    }

    @Test
    void stackLossIidSparsityHasTwoSolutionsAndTheTableSaysSo() throws IOException {
        CoefficientTable table = solveAndTabulate("stackloss", 0.5, Map.of("inference", "iid"));
        assertTrue(table.notes().stream().anyMatch(note -> note.contains("more than one solution")), table.notes()::toString);
    }

    @Test
    void iidOnTooFewRowsKeepsTheEstimatesAndSaysWhy() {
        Dataset five = new Dataset("five", List.of("x"), "y", 5, new double[] {1, 2, 3, 4, 5},
                new double[] {1.5, 1.9, 3.4, 4.1, 4.8});
        Problem problem = build(five, Fixtures.quantile(0.5), Map.of("inference", "iid"));
        CoefficientTable table = problem.coefficients(solve(problem)).orElseThrow();
        assertTrue(Double.isNaN(table.rows().get(0).standardError()));
        assertNull(table.covariance());
        assertTrue(table.notes().get(0).startsWith("iid: the sparsity needs more than 5 rows"), table.notes()::toString);
        assertEquals(solve(problem).point()[0], table.rows().get(0).estimate());
    }

    @Test
    void noneGivesEstimatesOnly() throws IOException {
        CoefficientTable table = solveAndTabulate("engel", 0.5, Map.of("inference", "none"));
        assertEquals("none", table.inference());
        assertNull(table.covariance());
        assertTrue(Double.isNaN(table.rows().get(0).standardError()));
        assertEquals(0.56018055120941956, table.rows().get(0).estimate(), 1e-9);
    }

    @Test
    void aLossWithoutQuantileLevelAllowsOnlyNone() throws IOException {
        Dataset data = dataset("engel");
        PiecewiseLinearLoss epsilon = Fixtures.epsilonInsensitive(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> build(data, epsilon, Map.of("inference", "nid")));
        assertTrue(e.getMessage().startsWith("model.inference: \"nid\" needs a quantile or absolute loss"), e.getMessage());
        Problem problem = build(data, epsilon, Map.of());
        SolveResult result = solve(problem);
        assertEquals("none", problem.coefficients(result).orElseThrow().inference());
    }

    @Test
    void defaultIsRankBelow1001RowsAndNidFromThere() {
        assertEquals("rank", Inferences.defaultFor(1000, 0.5));
        assertEquals("nid", Inferences.defaultFor(1001, 0.5));
        assertEquals("none", Inferences.defaultFor(10, Double.NaN));
    }

    @Test
    void rankIsTheDefaultBelow1001Rows() throws IOException {
        Problem problem = build(dataset("engel"), Fixtures.quantile(0.5), Map.of());
        CoefficientTable table = problem.coefficients(solve(problem)).orElseThrow();
        assertEquals("rank", table.inference());
        for (CoefficientTable.Coefficient row : table.rows()) {
            assertTrue(row.lower() < row.estimate() && row.estimate() < row.upper(), row.toString());
            assertTrue(Double.isNaN(row.standardError()), "rank inversion gives no standard error");
        }
    }

    @Test
    void uniqueComesFromTheCertificate() throws IOException {
        Problem problem = build(dataset("engel"), Fixtures.quantile(0.5), Map.of("inference", "nid"));
        assertTrue(problem.coefficients(solve(problem)).orElseThrow().unique());
        // an intercept-only median of an even number of rows is any point between the middle two
        Dataset even = new Dataset("even", List.of(), "y", 4, new double[0], new double[] {1, 2, 3, 4});
        Problem median = build(even, Fixtures.absolute(), Map.of("inference", "none"));
        assertFalse(median.coefficients(solve(median)).orElseThrow().unique());
    }

    static CoefficientTable solveAndTabulate(String data, double tau, Map<String, Object> given) throws IOException {
        Problem problem = build(dataset(data), Fixtures.quantile(tau), given);
        return problem.coefficients(solve(problem)).orElseThrow();
    }

    private static SolveResult solve(Problem problem) {
        SolveResult result = new VertexWalkSolver().solve(problem.program(), problem.start(), Fixtures.DANTZIG,
                SolverOptions.defaults(), StepListener.NONE);
        assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
        return result;
    }

    private static Problem build(Dataset data, PiecewiseLinearLoss loss, Map<String, Object> given) {
        LinearModelProvider model = new LinearModelProvider();
        return model.build(data, loss, Parameters.resolve("model \"linear\"", model.parameters(), new HashMap<>(given), null));
    }

    /** examples/data/NAME.csv: the last column the target (engel: foodexp, stackloss: stack.loss). */
    static Dataset dataset(String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../../examples/data/" + name + ".csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int target = name.equals("engel") ? header.indexOf("foodexp") : header.indexOf("stack.loss");
        List<String> features = new ArrayList<>(header);
        features.remove(target);
        int rows = lines.size() - 1;
        double[] x = new double[rows * features.size()];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int c = 0, k = 0; c < cells.length; c++) {
                if (c == target) y[i] = Double.parseDouble(cells[c]);
                else x[i * features.size() + k++] = Double.parseDouble(cells[c]);
            }
        }
        return new Dataset(name, features, header.get(target), rows, x, y);
    }
}

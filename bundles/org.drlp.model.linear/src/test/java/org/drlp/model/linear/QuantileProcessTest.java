package org.drlp.model.linear;

import static org.drlp.model.linear.Fixtures.DANTZIG;
import static org.drlp.model.linear.Fixtures.quantile;
import static org.drlp.model.linear.Fixtures.solve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.junit.jupiter.api.Test;

/**
 * The quantile process against R's {@code rq(..., tau = -1)$sol} (written by
 * src/test/r/process-reference.R), and against direct solves at taus between its breakpoints.
 */
class QuantileProcessTest {

    private static final Path DATA = Path.of("../../examples/data");
    private static final Path REFERENCE = Path.of("src/test/resources/process");

    /** A CSV of numbers with a header: the names, then the rows. */
    record Table(List<String> names, List<double[]> rows) {
        int column(String name) {
            int at = names.indexOf(name);
            if (at < 0) throw new IllegalArgumentException("no column " + name + " in " + names);
            return at;
        }
    }

    static Table read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> names = Arrays.stream(lines.get(0).split(",")).map(String::strip).toList();
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(Arrays.stream(line.split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray());
        }
        return new Table(names, rows);
    }

    /** A regression problem: the design in the model's layout (features, then the intercept). */
    record Regression(double[] design, double[] y, int p, List<String> names) {
        static Regression of(Table data, String target) {
            List<String> features = new ArrayList<>(data.names());
            features.remove(target);
            int p = features.size() + 1;
            double[] design = new double[data.rows().size() * p];
            double[] y = new double[data.rows().size()];
            for (int i = 0; i < y.length; i++) {
                double[] row = data.rows().get(i);
                for (int c = 0; c < features.size(); c++) design[i * p + c] = row[data.column(features.get(c))];
                design[i * p + p - 1] = 1;
                y[i] = row[data.column(target)];
            }
            List<String> names = new ArrayList<>(features);
            names.add("intercept");
            return new Regression(design, y, p, names);
        }

        double[] solveAt(double tau) {
            SolveResult result = solve(design, y, p, quantile(tau), DANTZIG, SolverOptions.defaults(), StepListener.NONE);
            assertEquals(SolveStatus.OPTIMAL, result.status(), result.message());
            return result.point();
        }

        double objective(double tau, double[] beta) {
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                double r = y[i] - PiecewiseLinearRegression.dotRow(design, i * p, beta, p);
                sum += r * (tau - (r < 0 ? 1 : 0));
            }
            return sum;
        }

        List<QuantileProcess.Segment> process(double[] start) {
            return QuantileProcess.of(design, y, p, start, 0.5);
        }
    }

    @Test
    void engelIsRsProcess() throws IOException {
        Regression engel = Regression.of(read(DATA.resolve("engel.csv")), "foodexp");
        assertSameAsR(engel, engel.process(engel.solveAt(0.5)), read(REFERENCE.resolve("engel-rq.csv")));
    }

    @Test
    void stackLossWithItsTiesIsRsProcess() throws IOException {
        Regression stackLoss = Regression.of(read(DATA.resolve("stackloss.csv")), "stack.loss");
        assertSameAsR(stackLoss, stackLoss.process(stackLoss.solveAt(0.5)), read(REFERENCE.resolve("stackloss-rq.csv")));
    }

    /** From a point that is no solution (zero), the walk first pivots to the median's optimum: the same process. */
    @Test
    void aStartOffTheOptimumGivesTheSameProcess() throws IOException {
        Regression stackLoss = Regression.of(read(DATA.resolve("stackloss.csv")), "stack.loss");
        assertSameAsR(stackLoss, stackLoss.process(new double[stackLoss.p()]), read(REFERENCE.resolve("stackloss-rq.csv")));
        Regression engel = Regression.of(read(DATA.resolve("engel.csv")), "foodexp");
        assertSameAsR(engel, engel.process(new double[engel.p()]), read(REFERENCE.resolve("engel-rq.csv")));
    }

    /**
     * R's columns, with the pivots that leave the coefficients where they are (degenerate basis
     * changes, which rq records and the process does not) merged into the column before them.
     */
    static void assertSameAsR(Regression problem, List<QuantileProcess.Segment> process, Table r) {
        List<double[]> merged = new ArrayList<>();
        int[] columns = problem.names().stream().mapToInt(r::column).toArray();
        for (double[] row : r.rows()) {
            double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            boolean same = last != null;
            for (int c : columns) same &= last != null && close(last[c], row[c], 1e-9);
            boolean closing = row[r.column("tau")] == 1;
            if (!same || closing) merged.add(row);
        }
        assertEquals(merged.size(), process.size(), "rows of the process, R's degenerate pivots merged");
        for (int s = 0; s < merged.size(); s++) {
            double[] expected = merged.get(s);
            QuantileProcess.Segment segment = process.get(s);
            String where = "row " + s + " at tau " + expected[r.column("tau")];
            assertTrue(close(expected[r.column("tau")], segment.tau(), 1e-6), where + ": tau " + segment.tau());
            for (int j = 0; j < columns.length; j++) {
                assertTrue(close(expected[columns[j]], segment.coefficients()[j], 1e-6),
                        where + ": " + problem.names().get(j) + " " + segment.coefficients()[j] + ", R "
                                + expected[columns[j]]);
            }
            assertTrue(close(expected[r.column("Obj.Fun")], segment.objective(), 1e-6),
                    where + ": objective " + segment.objective() + ", R " + expected[r.column("Obj.Fun")]);
        }
    }

    static boolean close(double expected, double actual, double relative) {
        return Math.abs(expected - actual) <= relative * Math.max(1, Math.abs(expected));
    }

    /**
     * At random taus between breakpoints the process's solution has the objective of a direct solve at
     * that tau, on random data with ties (integer features and targets: many rows on one fit) and without.
     */
    @Test
    void betweenBreakpointsTheProcessIsTheOptimum() throws IOException {
        SplittableRandom random = new SplittableRandom(16);
        List<Regression> problems = new ArrayList<>();
        problems.add(Regression.of(read(DATA.resolve("engel.csv")), "foodexp"));
        problems.add(Regression.of(read(DATA.resolve("stackloss.csv")), "stack.loss"));
        for (int trial = 0; trial < 12; trial++) {
            boolean ties = trial % 2 == 0;
            int n = 20 + random.nextInt(60), features = 1 + random.nextInt(3), p = features + 1;
            double[][] rows = new double[n][features];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double fit = 1;
                for (int c = 0; c < features; c++) {
                    rows[i][c] = ties ? random.nextInt(4) : random.nextGaussian();
                    fit += (c + 1) * rows[i][c];
                }
                y[i] = ties ? Math.round(fit + 2 * random.nextGaussian()) : fit + random.nextGaussian();
            }
            List<String> names = new ArrayList<>();
            for (int c = 0; c < features; c++) names.add("x" + c);
            names.add("intercept");
            problems.add(new Regression(Fixtures.withIntercept(rows), y, p, names));
        }
        for (Regression problem : problems) {
            List<QuantileProcess.Segment> process = problem.process(problem.solveAt(0.5));
            assertEquals(0, process.get(0).tau());
            assertEquals(1, process.get(process.size() - 1).tau());
            for (int s = 0; s + 1 < process.size(); s++) {
                double from = process.get(s).tau(), to = process.get(s + 1).tau();
                assertTrue(from < to, "breakpoints increase: " + from + ", " + to);
                double tau = from + (to - from) * (0.1 + 0.8 * random.nextDouble());
                if (!(tau > 1e-3 && tau < 1 - 1e-3) || (s % 5 != 0 && process.size() > 40)) continue;
                double direct = problem.objective(tau, problem.solveAt(tau));
                double walked = problem.objective(tau, process.get(s).coefficients());
                assertTrue(close(direct, walked, 1e-9), "tau " + tau + ": the process's objective " + walked
                        + ", a direct solve's " + direct + " (" + problem.y().length + " rows, p " + problem.p() + ")");
            }
        }
    }

    /** A column that repeats another leaves no basis of p rows: said so, not looped on. */
    @Test
    void aDesignOfLowerRankIsRefused() {
        double[][] rows = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuantileProcess.of(
                Fixtures.withIntercept(rows), new double[] {1, 3, 2, 5, 4}, 3, new double[3], 0.5));
        assertEquals("the quantile process needs a design of full rank 3; its rows span 2 dimensions", e.getMessage());
    }
}

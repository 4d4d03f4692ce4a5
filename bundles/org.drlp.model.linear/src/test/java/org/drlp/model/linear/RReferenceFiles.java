package org.drlp.model.linear;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.spi.Dataset;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;

/**
 * The data sets and R's values written by src/test/r/weights-reference.R, read as the csv data
 * source would give them (plain comma-separated files without quotes), and fits of them.
 */
final class RReferenceFiles {

    private RReferenceFiles() {
    }

    /** A test resource under reference/, or a file of examples/data (two folders up from the module). */
    static List<String> lines(String name) {
        try (InputStream in = RReferenceFiles.class.getResourceAsStream("/reference/" + name)) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return Files.readAllLines(Path.of("../../examples/data", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as a data set: the last column the target, the categorical columns as text. */
    static Dataset dataset(String name, String target, List<String> categorical) {
        List<String> lines = lines(name);
        List<String> header = List.of(lines.get(0).split(","));
        int targetColumn = header.indexOf(target);
        List<String> features = new ArrayList<>();
        for (String column : header) if (!column.equals(target) && !categorical.contains(column)) features.add(column);
        int rows = lines.size() - 1;
        double[] x = new double[rows * features.size()], y = new double[rows];
        Map<String, List<String>> text = new LinkedHashMap<>();
        for (String column : categorical) text.put(column, new ArrayList<>());
        for (int i = 0; i < rows; i++) {
            String[] fields = lines.get(i + 1).split(",");
            y[i] = Double.parseDouble(fields[targetColumn]);
            for (int f = 0; f < features.size(); f++) x[i * features.size() + f] = Double.parseDouble(fields[header.indexOf(features.get(f))]);
            for (String column : categorical) text.get(column).add(fields[header.indexOf(column)]);
        }
        return new Dataset(name, features, target, rows, x, y, text, 0);
    }

    /** R's values of one case and tau by term (the coefficients and "objective"), in R's order. */
    static Map<String, Double> reference(String fitCase, double tau) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : lines("reference.csv").subList(1, lines("reference.csv").size())) {
            String[] f = line.split(",");
            if (f[0].equals(fitCase) && Math.abs(Double.parseDouble(f[1]) - tau) < 1e-12) {
                values.put(f[2], Double.parseDouble(f[3]));
            }
        }
        if (values.isEmpty()) throw new IllegalArgumentException("no reference for " + fitCase + " tau " + tau);
        return values;
    }

    static Problem build(Dataset data, PiecewiseLinearLoss loss, Map<String, Object> given) {
        LinearModelProvider model = new LinearModelProvider();
        return model.build(data, loss, Parameters.resolve("model \"linear\"", model.parameters(), given, null));
    }

    static SolveResult solve(Problem problem) {
        SolveResult result = new VertexWalkSolver().solve(problem.program(), problem.start(), Fixtures.STEEPEST,
                SolverOptions.defaults(), null);
        if (result.status() != SolveStatus.OPTIMAL) throw new AssertionError(result.status() + ": " + result.message());
        return result;
    }

    /** sum_i w_i loss(x_i . b - y_i) over the full design of the problem's data. */
    static double objective(double[] design, double[] y, double[] weights, int n, PiecewiseLinearLoss loss, double[] b) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double fit = 0;
            for (int c = 0; c < n; c++) fit += design[i * n + c] * b[c];
            sum += (weights == null ? 1 : weights[i]) * loss.value(fit - y[i]);
        }
        return sum;
    }

    /** R's coefficients in the problem's order of names. */
    static double[] coefficients(Map<String, Double> reference, List<String> names) {
        double[] b = new double[names.size()];
        for (int c = 0; c < b.length; c++) {
            Double value = reference.get(names.get(c));
            if (value == null) throw new AssertionError("R has no coefficient " + names.get(c) + ": " + reference.keySet());
            b[c] = value;
        }
        return b;
    }
}

package org.drlp.model.lp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code lp-solution.csv}: one line per column ({@code kind} column: value x_j, dual the reduced cost)
 * and per row ({@code kind} row: value the activity a_i . x, dual the row's dual); lower and upper are
 * the bounds (empty when infinite), slack the distance to the nearer finite bound (empty when none).
 * The dual columns are empty unless the run ended OPTIMAL.
 */
final class SolutionCsv {

    static final String FILE = "lp-solution.csv";

    private SolutionCsv() {
    }

    static void write(LinearProgram lp, double[] x, Duals duals, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("kind,name,type,value,lower,upper,slack,dual\n");
            for (int c = 0; c < lp.columns(); c++) {
                line(out, "column", lp.columnNames().get(c), "", x[c], lp.columnLower()[c], lp.columnUpper()[c],
                        duals == null ? Double.NaN : duals.reducedCost()[c]);
            }
            for (int i = 0; i < lp.rows(); i++) {
                line(out, "row", lp.rowNames().get(i), String.valueOf(lp.rowTypes()[i]), lp.activity(i, x),
                        lp.rowLower()[i], lp.rowUpper()[i], duals == null ? Double.NaN : duals.rowDual()[i]);
            }
        }
    }

    private static void line(BufferedWriter out, String kind, String name, String type, double value, double lower,
                             double upper, double dual) throws IOException {
        double slack = Math.min(value - lower, upper - value);
        out.write(kind + "," + quoted(name) + "," + type + "," + value + "," + finite(lower) + "," + finite(upper) + ","
                + finite(slack) + "," + finite(dual) + "\n");
    }

    private static String finite(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /** MPS names have no spaces but may hold commas or quotes. */
    private static String quoted(String name) {
        return name.contains(",") || name.contains("\"") ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
    }
}

package org.drlp.launcher;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drlp.api.CoefficientTable;
import org.drlp.api.ExperimentSummary;

/**
 * The coefficient tables printed after the run table, as R's {@code summary.rq} prints them: name,
 * estimate, standard error, t (or z) value, p-value, interval; columns a method does not give are
 * left out (rank inversion: estimate and bounds; none: the estimate). Runs whose tables have the
 * same coefficients and inference share one table, a row per run and coefficient, the run named by
 * its swept values: a sweep over loss.tau reads as one table, tau by tau.
 */
final class CoefficientTables {

    /** Runs listed at most; coefficients.csv has every one. */
    static final int MAX_RUNS = 50;

    private CoefficientTables() {
    }

    static void print(ExperimentSummary summary, PrintWriter out) {
        Map<String, List<ExperimentSummary.Run>> groups = new LinkedHashMap<>();
        for (ExperimentSummary.Run run : summary.runs()) {
            CoefficientTable table = run.coefficients();
            if (table == null || table.rows().isEmpty()) continue;
            String key = table.inference() + " " + table.level() + " " + table.statistic() + " "
                    + table.rows().stream().map(CoefficientTable.Coefficient::name).toList();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
        }
        for (List<ExperimentSummary.Run> runs : groups.values()) printGroup(summary, runs, out);
    }

    private static void printGroup(ExperimentSummary summary, List<ExperimentSummary.Run> all, PrintWriter out) {
        List<ExperimentSummary.Run> runs = all.size() > MAX_RUNS ? all.subList(0, MAX_RUNS) : all;
        CoefficientTable first = runs.get(0).coefficients();
        boolean several = all.size() > 1;
        String stat = first.statistic().isEmpty() ? "t" : first.statistic();
        List<String> header = new ArrayList<>();
        if (several) header.add(runColumn(summary, runs));
        header.addAll(List.of("coefficient", "estimate", "std. error", stat + " value", "Pr(>|" + stat + "|)",
                "lower", "upper"));
        boolean[] shown = new boolean[header.size()];
        int offset = several ? 1 : 0;
        for (int c = 0; c <= offset + 1; c++) shown[c] = true;
        List<String[]> lines = new ArrayList<>();
        for (ExperimentSummary.Run run : runs) {
            boolean firstRow = true;
            for (CoefficientTable.Coefficient row : run.coefficients().rows()) {
                double[] values = {row.standardError(), row.statistic(), row.pValue(), row.lower(), row.upper()};
                String[] cells = new String[header.size()];
                if (several) cells[0] = firstRow ? runName(summary, run) : "";
                cells[offset] = row.name();
                cells[offset + 1] = number(row.estimate());
                for (int k = 0; k < values.length; k++) {
                    cells[offset + 2 + k] = k == 2 ? pValue(values[k]) : number(values[k]);
                    shown[offset + 2 + k] |= !Double.isNaN(values[k]);
                }
                lines.add(cells);
                firstRow = false;
            }
        }
        out.printf(Locale.ROOT, "coefficients (inference %s%s)%s:%n", first.inference(),
                Double.isNaN(first.level()) ? "" : String.format(Locale.ROOT, ", %s%% intervals",
                        number(100 * first.level())),
                several ? "" : " of " + runs.get(0).label());
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
            for (String[] line : lines) width[c] = Math.max(width[c], line[c].length());
        }
        out.println(format(header.toArray(String[]::new), width, shown, offset));
        for (String[] line : lines) out.println(format(line, width, shown, offset));
        if (all.size() > runs.size()) {
            out.printf(Locale.ROOT, "  (%d of %d runs not listed; coefficients.csv lists every run)%n",
                    all.size() - runs.size(), all.size());
        }
        List<String> nonunique = all.stream().filter(run -> !run.coefficients().unique()).map(run -> runName(summary, run)).toList();
        if (!nonunique.isEmpty()) {
            out.println(several ? "  solution may be nonunique: " + String.join(", ", limit(nonunique))
                    : "  solution may be nonunique");
        }
        Map<String, List<String>> notes = new LinkedHashMap<>();
        for (ExperimentSummary.Run run : all) {
            for (String note : run.coefficients().notes()) notes.computeIfAbsent(note, n -> new ArrayList<>()).add(runName(summary, run));
        }
        notes.forEach((note, where) -> out.println("  note" + (several ? " (" + String.join(", ", limit(where)) + ")" : "")
                + ": " + note));
    }

    private static List<String> limit(List<String> names) {
        if (names.size() <= 10) return names;
        List<String> shown = new ArrayList<>(names.subList(0, 10));
        shown.add("... " + (names.size() - 10) + " more");
        return shown;
    }

    /** The swept paths, when the runs differ in them; else "run". */
    private static String runColumn(ExperimentSummary summary, List<ExperimentSummary.Run> runs) {
        return summary.sweptPaths().isEmpty() ? "run" : String.join(" ", summary.sweptPaths());
    }

    /** A run by its swept values (and repeat, when repeated), else by its label. */
    private static String runName(ExperimentSummary summary, ExperimentSummary.Run run) {
        if (summary.sweptPaths().isEmpty() || run.sweep().isEmpty()) return run.label();
        List<String> values = new ArrayList<>();
        for (String path : summary.sweptPaths()) values.add(run.sweep().getOrDefault(path, "-"));
        return String.join(" ", values) + (run.repeat() > 0 ? " #" + run.repeat() : "");
    }

    private static String format(String[] cells, int[] width, boolean[] shown, int offset) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (!shown[c]) continue;
            String cell = cells[c] == null ? "" : cells[c];
            line.append("  ");
            // names to the left, numbers to the right
            if (c <= offset) line.append(cell).append(" ".repeat(width[c] - cell.length()));
            else line.append(" ".repeat(width[c] - cell.length())).append(cell);
        }
        return line.toString().stripTrailing();
    }

    /** Six significant digits, as R's print of a summary.rq shows about as many. */
    private static String number(double value) {
        if (Double.isNaN(value)) return "NA";
        if (Double.isInfinite(value)) return value > 0 ? "Inf" : "-Inf";
        String text = String.format(Locale.ROOT, "%.6g", value);
        if (text.contains("e")) return text.replaceFirst("\\.?0+e", "e");
        return text.contains(".") ? text.replaceFirst("\\.?0+$", "") : text;
    }

    /** p-values as R's format.pval: below the double's resolution "<2e-16". */
    private static String pValue(double value) {
        if (Double.isNaN(value)) return "NA";
        if (value < 2.2e-16) return "<2e-16";
        String text = String.format(Locale.ROOT, "%.3g", value);
        return text.contains("e") ? text.replaceFirst("\\.?0+e", "e") : text.replaceFirst("\\.?0+$", "");
    }
}

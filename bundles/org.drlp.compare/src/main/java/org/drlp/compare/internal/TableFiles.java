package org.drlp.compare.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.drlp.compare.Cell;
import org.drlp.compare.Comparison;
import org.drlp.compare.ConfigurationSummary;
import org.drlp.compare.Measure;
import org.drlp.compare.MeasureSummary;

/**
 * table.csv: a row per configuration (counts, then per measure the shifted geometric mean of the
 * medians over repeats, of the cheapest and of the costliest repeats, the problems they are over,
 * and the shift); cells.csv: a row per problem and configuration (the repeats behind the table).
 */
final class TableFiles {

    static final String TABLE = "table.csv";
    static final String CELLS = "cells.csv";

    private TableFiles() {
    }

    static List<String> tableHeader(List<Measure> measures) {
        List<String> header = new ArrayList<>(List.of("configuration", "problems", "solved", "unsolved", "runs",
                "wrong_answers", "failed_runs"));
        for (Measure m : measures) {
            String n = m.name();
            header.addAll(List.of(n + "_sgm", n + "_sgm_min", n + "_sgm_max", n + "_sgm_problems", n + "_shift"));
        }
        return header;
    }

    static List<List<String>> tableRows(List<ConfigurationSummary> rows, List<Measure> measures) {
        List<List<String>> table = new ArrayList<>();
        for (ConfigurationSummary row : rows) {
            List<String> cells = new ArrayList<>(List.of(row.configuration(), Integer.toString(row.problems()),
                    Integer.toString(row.solved()), Integer.toString(row.problems() - row.solved()),
                    Integer.toString(row.runs()), Integer.toString(row.wrongAnswers()), Integer.toString(row.failures())));
            for (Measure m : measures) {
                MeasureSummary s = row.measures().get(m.name());
                if (s == null) { // the measure does not apply (Adam has no pivots)
                    cells.addAll(List.of("n/a", "n/a", "n/a", "", Numbers.format(m.shift())));
                } else {
                    cells.addAll(List.of(Numbers.format(s.sgm()), Numbers.format(s.sgmMin()), Numbers.format(s.sgmMax()),
                            Integer.toString(s.problems()), Numbers.format(m.shift())));
                }
            }
            table.add(cells);
        }
        return table;
    }

    static Path writeTable(List<ConfigurationSummary> rows, List<Measure> measures, Path directory) throws IOException {
        return write(directory.resolve(TABLE), tableHeader(measures), tableRows(rows, measures));
    }

    static Path writeCells(Comparison comparison, List<Measure> measures, Path directory) throws IOException {
        List<String> header = new ArrayList<>(List.of("problem", "configuration", "best_objective", "runs",
                "solved_runs", "wrong_answers", "failed_runs"));
        for (Measure m : measures) header.addAll(List.of(m.name() + "_median", m.name() + "_min", m.name() + "_max"));
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < comparison.problems().size(); p++) {
            for (int s = 0; s < comparison.configurations().size(); s++) {
                Cell counts = comparison.cell(s, p, measures.get(0));
                List<String> row = new ArrayList<>(List.of(comparison.problems().get(p), comparison.configurations().get(s),
                        Numbers.format(comparison.best(p)), Integer.toString(counts.runs()),
                        Integer.toString(counts.solvedRuns()), Integer.toString(counts.wrongAnswers()),
                        Integer.toString(counts.failures())));
                for (Measure m : measures) {
                    Cell cell = comparison.cell(s, p, m);
                    row.addAll(List.of(Numbers.format(cell.median()), Numbers.format(cell.min()), Numbers.format(cell.max())));
                }
                rows.add(row);
            }
        }
        return write(directory.resolve(CELLS), header, rows);
    }

    private static Path write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (List<String> row : rows) printer.printRecord(row);
        }
        return file;
    }
}

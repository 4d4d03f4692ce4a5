package org.drlp.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drlp.api.CoefficientTable;

/**
 * Keeps coefficients.csv up to date: one row per run and coefficient of the runs' coefficient
 * tables, with the run's index, label, problem id, swept values (a column per swept path) and
 * repeat, so that a sweep over {@code loss.tau} is one long table with a row per tau and
 * coefficient. Runs without a table (failed, or a model without one) have no rows; a folder without
 * tables has only the header. Appended as runs finish, rewritten in sweep order by {@link #finish}.
 * Non-finite numbers are empty cells, as in summary.csv. Not thread-safe: {@link ExperimentRecorder}
 * serialises the calls.
 */
final class CoefficientsCsvWriter implements AutoCloseable {

    static final String FILE_NAME = "coefficients.csv";

    private final Path file;
    private final String specName;
    private final List<String> sweptPaths;
    private final List<String> header = new ArrayList<>();
    /** Each run's lines, by index. */
    private final Map<Integer, String> runs = new TreeMap<>();
    private FileChannel channel;

    CoefficientsCsvWriter(Path outputDirectory, String specName, List<String> sweptPaths) {
        this.file = outputDirectory.resolve(FILE_NAME);
        this.specName = specName;
        this.sweptPaths = List.copyOf(sweptPaths);
        header.addAll(List.of("index", "label", "problem"));
        header.addAll(sweptPaths);
        header.addAll(List.of("repeat", "inference", "level", "test", "unique", "coefficient", "estimate", "stdError",
                "statistic", "pValue", "lower", "upper"));
    }

    /** A run recorded earlier (resume, merge), from its results.json record; before {@link #open}. */
    void keep(int index, String label, String problem, Map<String, String> swept, int repeat, CoefficientTable table) {
        if (table != null) runs.put(index, lines(index, label, problem, swept, repeat, table));
    }

    void open() throws IOException {
        AtomicFile.write(file, text());
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        }
    }

    void add(RunOutcome outcome) throws IOException {
        if (outcome.coefficients() == null) return;
        RunPlan plan = outcome.plan();
        String lines = lines(plan.index(), plan.label(), ProblemId.of(plan, specName), plan.point().valueTexts(),
                plan.repeat(), outcome.coefficients());
        ByteBuffer buffer = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
        try {
            while (buffer.hasRemaining()) channel.write(buffer);
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        }
        runs.put(plan.index(), lines);
    }

    void finish() throws IOException {
        close();
        AtomicFile.write(file, text());
    }

    @Override
    public void close() throws IOException {
        if (channel != null) channel.close();
        channel = null;
    }

    private String lines(int index, String label, String problem, Map<String, String> swept, int repeat,
                         CoefficientTable table) {
        StringBuilder text = new StringBuilder();
        for (CoefficientTable.Coefficient row : table.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(index);
            cells.add(label);
            cells.add(problem);
            for (String path : sweptPaths) cells.add(swept.get(path));
            cells.add(repeat);
            cells.add(table.inference());
            cells.add(number(table.level()));
            cells.add(table.statistic());
            cells.add(table.unique());
            cells.add(row.name());
            cells.add(number(row.estimate()));
            cells.add(number(row.standardError()));
            cells.add(number(row.statistic()));
            cells.add(number(row.pValue()));
            cells.add(number(row.lower()));
            cells.add(number(row.upper()));
            text.append(SummaryCsvWriter.line(cells));
        }
        return text.toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    private String text() {
        StringBuilder text = new StringBuilder(SummaryCsvWriter.line(header));
        runs.values().forEach(text::append);
        return text.toString();
    }
}

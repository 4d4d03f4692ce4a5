package org.drlp.experiment;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.drlp.api.CoefficientTable;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStage;

/**
 * Keeps summary.csv up to date: one row per finished run with its {@link ProblemId problem id},
 * each swept path a column of its own (headed by the dotted path), then the coefficients of the
 * runs' {@link CoefficientTable coefficient tables}: per coefficient {@code estimate.NAME} and, when a
 * table gives them, {@code se.NAME}, {@code lower.NAME}, {@code upper.NAME}. Rows are appended as runs
 * finish, in the order they finish; a run that brings a coefficient column not seen before rewrites
 * the file with it; {@link #finish} rewrites the file atomically in sweep order.
 * Not thread-safe: {@link ExperimentRecorder} serialises the calls.
 */
final class SummaryCsvWriter implements AutoCloseable {

    static final String FILE_NAME = "summary.csv";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private final Path file;
    private final String specName;
    private final List<String> sweptPaths;
    /** The columns every run has; the coefficient columns follow. */
    private final List<String> header = new ArrayList<>();
    /** Each run's cells of {@link #header}, and its coefficient table (null: none). */
    private final Map<Integer, List<String>> rows = new TreeMap<>();
    private final Map<Integer, CoefficientTable> tables = new TreeMap<>();
    /** The coefficient columns as written now. */
    private List<String> coefficientColumns = List.of();
    private FileChannel channel;

    /** @param specName  the experiment's name, the problem id of runs that sweep no problem */
    SummaryCsvWriter(Path outputDirectory, String specName, List<String> sweptPaths) {
        this.file = outputDirectory.resolve(FILE_NAME);
        this.specName = specName;
        this.sweptPaths = List.copyOf(sweptPaths);
        header.add("index");
        header.add("label");
        header.add("problem");
        header.addAll(sweptPaths);
        header.addAll(List.of("repeat", "status", "objective", "iterations", "regionChanges", "seconds",
                "presolvePivots", "zeroLengthPivots", "blandPivots", "refactorisations", "ruleActivations",
                "pricingSeconds", "lineSearchSeconds", "directionSeconds", "refactorSeconds", "message"));
    }

    /** The names of the columns every run has, in order (the coefficient columns follow them). */
    List<String> header() {
        return List.copyOf(header);
    }

    /** Whether a summary.csv header (read back) begins with {@link #header}: written by this version. */
    boolean sameColumns(List<String> recorded) {
        return recorded.size() >= header.size() && recorded.subList(0, header.size()).equals(header);
    }

    /**
     * Takes a row recorded earlier (by a resumed or merged experiment); before {@link #open}.
     *
     * @param cells  the row as read back, its coefficient cells (rebuilt from {@code table}) included or not
     * @param table  the run's coefficient table from results.json, or null
     */
    void keep(int index, List<String> cells, CoefficientTable table) {
        rows.put(index, List.copyOf(cells.subList(0, Math.min(cells.size(), header.size()))));
        if (table != null) tables.put(index, table);
    }

    /** Writes the header line (and kept rows), and opens the file for the rows to come. */
    void open() throws IOException {
        coefficientColumns = coefficientColumns();
        AtomicFile.write(file, text());
        openChannel();
    }

    private void openChannel() throws IOException {
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        }
    }

    void add(RunOutcome outcome) throws IOException {
        int index = outcome.plan().index();
        rows.put(index, row(outcome));
        if (outcome.coefficients() != null) tables.put(index, outcome.coefficients());
        List<String> columns = coefficientColumns();
        if (!columns.equals(coefficientColumns)) { // a new column: the earlier rows get it too
            coefficientColumns = columns;
            close();
            AtomicFile.write(file, text());
            openChannel();
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(line(index).getBytes(StandardCharsets.UTF_8));
        try {
            while (buffer.hasRemaining()) channel.write(buffer);
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        }
    }

    /** Rewrites the file in sweep order and closes it. */
    void finish() throws IOException {
        close();
        coefficientColumns = coefficientColumns();
        AtomicFile.write(file, text());
    }

    /** The coefficient columns of the tables so far, in sweep order of first appearance. */
    private List<String> coefficientColumns() {
        Map<String, boolean[]> kinds = new java.util.LinkedHashMap<>();
        for (CoefficientTable table : tables.values()) {
            for (CoefficientTable.Coefficient row : table.rows()) {
                boolean[] present = kinds.computeIfAbsent(row.name(), name -> new boolean[3]);
                present[0] |= !Double.isNaN(row.standardError());
                present[1] |= !Double.isNaN(row.lower());
                present[2] |= !Double.isNaN(row.upper());
            }
        }
        List<String> columns = new ArrayList<>();
        kinds.forEach((name, present) -> {
            columns.add("estimate." + name);
            if (present[0]) columns.add("se." + name);
            if (present[1] || present[2]) {
                columns.add("lower." + name);
                columns.add("upper." + name);
            }
        });
        return columns;
    }

    /** One run's line: its cells, then its coefficient cells under {@link #coefficientColumns}. */
    private String line(int index) {
        List<Object> cells = new ArrayList<>(rows.get(index));
        CoefficientTable table = tables.get(index);
        Map<String, Double> values = new java.util.HashMap<>();
        if (table != null) {
            for (CoefficientTable.Coefficient row : table.rows()) {
                values.put("estimate." + row.name(), row.estimate());
                values.put("se." + row.name(), row.standardError());
                values.put("lower." + row.name(), row.lower());
                values.put("upper." + row.name(), row.upper());
            }
        }
        for (String column : coefficientColumns) {
            Double value = values.get(column);
            cells.add(value == null ? "" : number(value));
        }
        return line(cells);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) channel.close();
        channel = null;
    }

    private List<String> row(RunOutcome outcome) {
        RunPlan plan = outcome.plan();
        SolveResult result = outcome.result();
        Map<String, String> swept = plan.point().valueTexts();
        List<Object> row = new ArrayList<>();
        row.add(plan.index());
        row.add(plan.label());
        row.add(ProblemId.of(plan, specName));
        for (String path : sweptPaths) row.add(swept.get(path));
        row.add(plan.repeat());
        row.add(result.status().name());
        row.add(number(result.objective()));
        row.add(result.iterations());
        row.add(result.regionChanges());
        row.add(number(result.seconds()));
        List<SolveStage> stages = result.stages();
        // the counters of a method that keeps none are unknown, not zero
        // the final walk's stages: its free-direction phase ("start") and the walk after it
        row.add(stages.isEmpty() ? "" : stages.stream().filter(s -> !s.name().equals(TraceWriter.DEFAULT_STAGE)
                && !s.name().equals("start")).mapToLong(SolveStage::pivots).sum());
        row.add(stages.isEmpty() ? "" : stages.stream().mapToLong(SolveStage::zeroLengthPivots).sum());
        row.add(stages.isEmpty() ? "" : stages.stream().mapToLong(SolveStage::blandPivots).sum());
        row.add(stages.isEmpty() ? "" : stages.stream().mapToLong(SolveStage::refactorisations).sum());
        row.add(stages.isEmpty() ? "" : stages.stream().mapToLong(SolveStage::ruleActivations).sum());
        row.add(stages.isEmpty() ? "" : number(stages.stream().mapToDouble(SolveStage::pricingSeconds).sum()));
        row.add(stages.isEmpty() ? "" : number(stages.stream().mapToDouble(SolveStage::lineSearchSeconds).sum()));
        row.add(stages.isEmpty() ? "" : number(stages.stream().mapToDouble(SolveStage::directionSeconds).sum()));
        row.add(stages.isEmpty() ? "" : number(stages.stream().mapToDouble(SolveStage::refactorSeconds).sum()));
        row.add(result.message());
        return row.stream().map(cell -> cell == null ? "" : cell.toString()).toList();
    }

    /** Empty for NaN and infinities, as results.json writes null. */
    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    private String text() {
        List<String> columns = new ArrayList<>(header);
        columns.addAll(coefficientColumns);
        StringBuilder text = new StringBuilder(line(columns));
        rows.keySet().forEach(index -> text.append(line(index)));
        return text.toString();
    }

    /** One CSV record with its line end (RFC 4180, LF), as summary.csv and coefficients.csv write them. */
    static String line(List<?> cells) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }
}

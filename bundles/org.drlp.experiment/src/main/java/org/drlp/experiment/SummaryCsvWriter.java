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
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStage;

/**
 * Keeps summary.csv up to date: one row per finished run with its {@link ProblemId problem id},
 * each swept path a column of its own (headed by the dotted path). Rows are appended as runs
 * finish, in the order they finish; {@link #finish} rewrites the file atomically in sweep order.
 * Not thread-safe: {@link ExperimentRecorder} serialises the calls.
 */
final class SummaryCsvWriter implements AutoCloseable {

    static final String FILE_NAME = "summary.csv";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private final Path file;
    private final String specName;
    private final List<String> sweptPaths;
    private final List<String> header = new ArrayList<>();
    private final Map<Integer, String> rows = new TreeMap<>();
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

    /** The column names, in order. */
    List<String> header() {
        return List.copyOf(header);
    }

    /** Takes a row recorded earlier (by a resumed or merged experiment) as it is; before {@link #open}. */
    void keep(int index, List<String> cells) {
        rows.put(index, line(cells));
    }

    /** Writes the header line, and opens the file for the rows to come. */
    void open() throws IOException {
        AtomicFile.write(file, text());
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        }
    }

    void add(RunOutcome outcome) throws IOException {
        String line = line(row(outcome));
        ByteBuffer buffer = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        try {
            while (buffer.hasRemaining()) channel.write(buffer);
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        }
        rows.put(outcome.plan().index(), line);
    }

    /** Rewrites the file in sweep order and closes it. */
    void finish() throws IOException {
        close();
        AtomicFile.write(file, text());
    }

    @Override
    public void close() throws IOException {
        if (channel != null) channel.close();
        channel = null;
    }

    private List<Object> row(RunOutcome outcome) {
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
        return row;
    }

    /** Empty for NaN and infinities, as results.json writes null. */
    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    private String text() {
        StringBuilder text = new StringBuilder(line(header));
        rows.values().forEach(text::append);
        return text.toString();
    }

    /** One CSV record with its line end. */
    private static String line(List<?> cells) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }
}

package org.drlp.experiment;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.drlp.api.SolveResult;

/**
 * Keeps summary.csv up to date: one row per finished run, in sweep order, each swept path a column
 * of its own (headed by the dotted path), rewritten atomically like results.json. Not thread-safe:
 * {@link ExperimentRecorder} serialises the calls.
 */
final class SummaryCsvWriter {

    static final String FILE_NAME = "summary.csv";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private final Path file;
    private final List<String> sweptPaths;
    private final List<String> header = new ArrayList<>();
    private final Map<Integer, List<Object>> rows = new TreeMap<>();

    SummaryCsvWriter(Path outputDirectory, List<String> sweptPaths) {
        this.file = outputDirectory.resolve(FILE_NAME);
        this.sweptPaths = List.copyOf(sweptPaths);
        header.add("index");
        header.add("label");
        header.addAll(sweptPaths);
        header.addAll(List.of("repeat", "status", "objective", "iterations", "regionChanges", "seconds", "message"));
    }

    void add(RunOutcome outcome) throws IOException {
        rows.put(outcome.plan().index(), row(outcome));
        AtomicFile.write(file, text());
    }

    private List<Object> row(RunOutcome outcome) {
        RunPlan plan = outcome.plan();
        SolveResult result = outcome.result();
        Map<String, String> swept = plan.point().valueTexts();
        List<Object> row = new ArrayList<>();
        row.add(plan.index());
        row.add(plan.label());
        for (String path : sweptPaths) row.add(swept.get(path));
        row.add(plan.repeat());
        row.add(result.status().name());
        row.add(number(result.objective()));
        row.add(result.iterations());
        row.add(result.regionChanges());
        row.add(number(result.seconds()));
        row.add(result.message());
        return row;
    }

    /** Empty for NaN and infinities, as results.json writes null. */
    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    private String text() {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            printer.printRecord(header);
            for (List<Object> row : rows.values()) printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }
}

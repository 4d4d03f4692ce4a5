package org.drlp.experiment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The objective over one solve as read back from trace.csv, thinned to at most {@link #MAX_POINTS}
 * evenly spaced steps and the last one so that plots of long solves stay small.
 *
 * @param iterations  the step of each kept point
 * @param seconds     the time since the solve began at each kept point
 */
record ObjectiveTrace(double[] iterations, double[] seconds, double[] objectives) {

    static final int MAX_POINTS = 2000;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();

    static ObjectiveTrace read(Path traceFile) throws IOException {
        return read(traceFile, false).get(ALL_STAGES);
    }

    /**
     * The trace of each stage of the solve (trace.csv's {@code stage} column), in the order the
     * stages began: a presolve stage's objective is that of its own (smaller) program.
     */
    static Map<String, ObjectiveTrace> readByStage(Path traceFile) throws IOException {
        return read(traceFile, true);
    }

    private static final String ALL_STAGES = "";

    private static Map<String, ObjectiveTrace> read(Path traceFile, boolean byStage) throws IOException {
        Map<String, Thinning> kept = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(traceFile, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(in)) {
            boolean hasStage = parser.getHeaderMap().containsKey("stage");
            for (CSVRecord step : parser) {
                String stage = !byStage ? ALL_STAGES : hasStage ? step.get("stage") : TraceWriter.DEFAULT_STAGE;
                kept.computeIfAbsent(stage, s -> new Thinning()).offer(Double.parseDouble(step.get("iteration")),
                        Double.parseDouble(step.get("seconds")), Double.parseDouble(step.get("objective")));
            }
        }
        Map<String, ObjectiveTrace> traces = new LinkedHashMap<>();
        kept.forEach((stage, thinning) -> traces.put(stage, thinning.trace()));
        if (!byStage && traces.isEmpty()) traces.put(ALL_STAGES, new Thinning().trace());
        return traces;
    }

    /**
     * Keeps every stride-th point offered; when the buffer is full, drops every other kept point and
     * doubles the stride, so the points stay evenly spread over a trace of unknown length.
     */
    private static final class Thinning {
        private final double[][] columns = new double[3][MAX_POINTS];
        private final double[] last = new double[3];
        private int size;
        private long offered;
        private long stride = 1;

        void offer(double iteration, double second, double objective) {
            last[0] = iteration;
            last[1] = second;
            last[2] = objective;
            if (offered++ % stride != 0) return;
            if (size == columns[0].length) halve();
            for (int c = 0; c < 3; c++) columns[c][size] = last[c];
            size++;
        }

        private void halve() {
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < size / 2; i++) columns[c][i] = columns[c][2 * i];
            }
            size /= 2;
            stride *= 2;
        }

        ObjectiveTrace trace() {
            boolean lastKept = offered > 0 && (offered - 1) % stride == 0;
            int count = offered == 0 || lastKept ? size : size + 1;
            double[][] kept = new double[3][];
            for (int c = 0; c < 3; c++) {
                kept[c] = Arrays.copyOf(columns[c], count);
                if (count > size) kept[c][size] = last[c];
            }
            return new ObjectiveTrace(kept[0], kept[1], kept[2]);
        }
    }
}

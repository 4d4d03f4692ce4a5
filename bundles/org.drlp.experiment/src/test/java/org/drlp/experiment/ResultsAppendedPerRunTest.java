package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.drlp.api.RunListener;
import org.drlp.api.RunOptions;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;

/**
 * results.json and summary.csv hold exactly the runs finished so far after every run, also when
 * runs finish out of order, by appending: no byte written for an earlier run is written again
 * during the sweep. At the end both are in sweep order with the same records.
 */
class ResultsAppendedPerRunTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    @Test
    void afterEveryRunTheFilesHoldExactlyTheFinishedRunsAndEarlierBytesStay() throws Exception {
        Path spec = Specs.write(directory, "twelve.json", """
                {
                  "name": "twelve",
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "quantile"},
                  "sweep": {"loss.tau": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], "solver.pivot": ["dantzig", "bland"]},
                  "trace": false
                }
                """);
        Path output = directory.resolve("out");
        Set<Integer> finished = new HashSet<>();
        List<String> versions = new ArrayList<>();
        RunListener checks = new RunListener() {
            @Override
            public void experimentStarted(String name, int runs) {
                assertEquals(Set.of(), indices(output), "results.json is there, with no runs, before the first run");
                versions.add(read(output.resolve("results.json")));
            }

            @Override
            public void runFinished(int index, String label, SolveStatus status, double objective, double seconds) {
                finished.add(index);
                assertEquals(finished, indices(output), "results.json after run " + index);
                assertEquals(finished, summaryIndices(output), "summary.csv after run " + index);
                versions.add(read(output.resolve("results.json")));
            }
        };
        plugins.runner().run(spec, output, checks, new RunOptions(3));

        assertEquals(13, versions.size());
        for (int i = 1; i < versions.size(); i++) {
            String before = versions.get(i - 1);
            String kept = before.substring(0, before.lastIndexOf("\n  ]\n}\n"));
            assertTrue(versions.get(i).startsWith(kept), "run " + i + " rewrote what was written before it");
        }
        List<Integer> sweepOrder = new ArrayList<>();
        for (JsonElement run : Specs.results(output).getAsJsonArray("runs")) {
            sweepOrder.add(run.getAsJsonObject().get("index").getAsInt());
        }
        assertEquals(Arrays.asList(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), sweepOrder, "sweep order at the end");
        assertEquals(new TreeSet<>(runs(versions.get(12))), new TreeSet<>(runs(read(output.resolve("results.json")))),
                "the final rewrite keeps every record as it was appended");
        assertEquals(sweepOrder, summaryRows(output).stream().map(row -> Integer.parseInt(row.get("index"))).toList());
        assertEquals(List.of(), Specs.temporaryFiles(output));
    }

    private static Set<Integer> indices(Path output) {
        Set<Integer> indices = new HashSet<>();
        for (JsonElement run : Specs.results(output).getAsJsonArray("runs")) {
            assertTrue(indices.add(run.getAsJsonObject().get("index").getAsInt()), "each run once");
        }
        return indices;
    }

    private static Set<Integer> summaryIndices(Path output) {
        Set<Integer> indices = new HashSet<>();
        for (CSVRecord row : summaryRows(output)) assertTrue(indices.add(Integer.parseInt(row.get("index"))));
        return indices;
    }

    private static List<CSVRecord> summaryRows(Path output) {
        try (Reader in = Files.newBufferedReader(output.resolve("summary.csv"));
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run records of a results.json text, one per line. */
    private static List<String> runs(String results) {
        return results.lines().map(String::strip).filter(line -> line.startsWith("{\"index\""))
                .map(line -> line.endsWith(",") ? line.substring(0, line.length() - 1) : line).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

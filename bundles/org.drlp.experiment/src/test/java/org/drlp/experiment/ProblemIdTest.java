package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.drlp.api.RunListener;
import org.drlp.api.RunOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;

/**
 * The problem id of every run, through the experiment service: results.json's runs[i].problem and
 * summary.csv's problem column agree, repeats and solver choices share it, and each spec shape
 * gets the id the README defines.
 */
class ProblemIdTest {

    @TempDir
    Path directory;

    @BeforeEach
    void tables() throws IOException {
        Files.createDirectories(directory.resolve("tables"));
        Files.writeString(directory.resolve("tables/one.csv"), "a,b,y\n1,2,3\n2,1,4\n3,3,7\n4,0,3\n5,5,11\n");
        Files.writeString(directory.resolve("tables/two.data.csv"), "a,y\n1,2\n2,5\n3,5\n4,9\n");
    }

    /** The problem ids of the runs, in sweep order, after checking that summary.csv says the same. */
    private List<String> problems(String spec) throws Exception {
        Path output = directory.resolve("out");
        ShippedPlugins.runner().run(Specs.write(directory, "suite.json", spec), output, RunListener.NONE,
                new RunOptions(1, true));
        List<String> fromResults = new ArrayList<>();
        JsonArray runs = Specs.results(output).getAsJsonArray("runs");
        runs.forEach(run -> fromResults.add(run.getAsJsonObject().get("problem").getAsString()));
        List<String> fromSummary = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(output.resolve("summary.csv"));
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            for (CSVRecord row : parser) fromSummary.add(row.get("problem"));
        }
        assertEquals(fromResults, fromSummary, "summary.csv and results.json");
        return fromResults;
    }

    @Test
    void sweptDataValuesAreTheIdAndSolverChoicesAndRepeatsShareIt() throws Exception {
        List<String> ids = problems("""
                {"name": "family", "trace": false, "repeats": 2,
                 "data": {"source": "synthetic", "p": 2},
                 "model": {"type": "linear"}, "loss": {"type": "absolute"},
                 "sweep": {"data.kind": ["gaussian", "cauchy"], "data.n": [20, 30], "solver.pivot": ["dantzig", "bland"]}}
                """);
        List<String> expected = new ArrayList<>();
        for (String kind : List.of("gaussian", "cauchy")) {
            for (int n : new int[] {20, 30}) {
                for (int copies = 0; copies < 4; copies++) expected.add("data.kind=" + kind + " data.n=" + n);
            }
        }
        assertEquals(expected, ids);
    }

    @Test
    void aSweptFileIsNamedByItsNameWithoutTheExtension() throws Exception {
        assertEquals(List.of("data.path=one", "data.path=two.data"), problems("""
                {"data": {"source": "csv"}, "model": {"type": "linear"}, "loss": {"type": "absolute"},
                 "sweep": {"data.path": {"files": "tables/*.csv"}}, "trace": false}
                """));
        assertEquals(List.of("data.path=one model.intercept=true", "data.path=one model.intercept=false"), problems("""
                {"data": {"source": "csv"}, "model": {"type": "linear"}, "loss": {"type": "absolute"},
                 "sweep": {"data.path": ["tables/one.csv"], "model.intercept": [true, false],
                           "loss.type": ["absolute"]}, "trace": false}
                """));
    }

    @Test
    void withNothingSweptTheIdIsTheSourceAndItsFileOrElseTheSpecsName() throws Exception {
        assertEquals(List.of("csv one", "csv one"), problems("""
                {"data": {"source": "csv", "path": "tables/one.csv"}, "model": {"type": "linear"},
                 "loss": {"type": "quantile"}, "sweep": {"loss.tau": [0.25, 0.75]}, "trace": false}
                """));
        assertEquals(List.of("suite"), problems("""
                {"data": {"source": "synthetic", "n": 20, "p": 1}, "model": {"type": "linear"},
                 "loss": {"type": "absolute"}, "trace": false}
                """), "the spec's name, from its file name");
    }

    @Test
    void theStemDropsTheFolderAndTheLastExtensionOnly() {
        assertEquals("afiro", ProblemId.stem("netlib/afiro.mps"));
        assertEquals("afiro", ProblemId.stem("C:\\netlib\\afiro.mps"));
        assertEquals("two.data", ProblemId.stem("tables/two.data.csv"));
        assertEquals("README", ProblemId.stem("README"));
        assertEquals(".hidden", ProblemId.stem("x/.hidden"));
    }
}

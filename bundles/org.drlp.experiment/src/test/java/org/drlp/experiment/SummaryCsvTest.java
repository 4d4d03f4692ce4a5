package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** summary.csv: one row per run in sweep order, a column per swept path, the same values as results.json. */
class SummaryCsvTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    @Test
    void summaryHasAHeaderAndOneRowPerRunMatchingResults() throws Exception {
        Path output = directory.resolve("out");
        plugins.runner().run(Specs.write(directory, "quantiles.json", Specs.QUANTILES), output, RunListener.NONE);

        List<CSVRecord> rows;
        List<String> header;
        try (Reader in = Files.newBufferedReader(output.resolve("summary.csv"));
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            header = parser.getHeaderNames();
            rows = parser.getRecords();
        }
        assertEquals(List.of("index", "label", "problem", "loss.tau", "solver.pivot", "repeat", "status", "objective",
                "iterations", "regionChanges", "seconds", "presolvePivots", "zeroLengthPivots", "blandPivots",
                "refactorisations", "ruleActivations", "pricingSeconds", "lineSearchSeconds", "directionSeconds",
                "refactorSeconds", "message", "estimate.Air.Flow", "lower.Air.Flow", "upper.Air.Flow", "estimate.Water.Temp",
                "lower.Water.Temp", "upper.Water.Temp", "estimate.Acid.Conc.", "lower.Acid.Conc.", "upper.Acid.Conc.",
                "estimate.intercept", "lower.intercept", "upper.intercept"), header);
        JsonArray runs = Specs.results(output).getAsJsonArray("runs");
        assertEquals(10, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            JsonObject run = runs.get(i).getAsJsonObject();
            assertEquals(i, Integer.parseInt(row.get("index")));
            assertEquals(run.get("label").getAsString(), row.get("label"));
            assertEquals(run.get("problem").getAsString(), row.get("problem"));
            assertEquals("quantiles", row.get("problem"), "nothing under data. or model. is swept, no file read: the spec's name");
            assertEquals(run.getAsJsonObject("sweep").get("loss.tau").getAsDouble(), Double.parseDouble(row.get("loss.tau")));
            assertEquals(run.getAsJsonObject("sweep").get("solver.pivot").getAsString(), row.get("solver.pivot"));
            assertEquals("0", row.get("repeat"));
            assertEquals(run.get("status").getAsString(), row.get("status"));
            assertEquals(run.get("objective").getAsDouble(), Double.parseDouble(row.get("objective")));
            assertEquals(run.get("iterations").getAsLong(), Long.parseLong(row.get("iterations")));
            assertEquals(run.get("regionChanges").getAsLong(), Long.parseLong(row.get("regionChanges")));
            assertEquals(run.get("seconds").getAsDouble(), Double.parseDouble(row.get("seconds")));
            assertEquals("", row.get("message"));
            // 21 rows: rank inference by default: estimates and intervals
            assertEquals(run.getAsJsonObject("parameters").get("intercept").getAsDouble(),
                    Double.parseDouble(row.get("estimate.intercept")));
            // the walk's stages, its free-direction phase included, are not a presolve
            assertEquals(0, Long.parseLong(row.get("presolvePivots")));
            for (String timed : List.of("pricingSeconds", "lineSearchSeconds", "directionSeconds", "refactorSeconds")) {
                double sum = 0;
                for (var stage : run.getAsJsonArray("stages")) sum += stage.getAsJsonObject().get(timed).getAsDouble();
                assertEquals(sum, Double.parseDouble(row.get(timed)), 1e-12 * (1 + sum), timed + " of the stages");
                assertTrue(sum <= run.get("seconds").getAsDouble(), timed + " within the run's seconds");
            }
        }
        assertEquals(List.of(), Specs.temporaryFiles(output));
    }

    @Test
    void textWithCommasAndQuotesAndAFailedRunSurviveTheRoundTrip() throws Exception {
        Path spec = Specs.write(directory, "features.json", """
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "absolute"},
                  "sweep": {"model.features": [["Air.Flow", "Water.Temp"], ["Air.Flow", "No\\"pe"]]}
                }
                """);
        Path output = directory.resolve("out");
        ExperimentSummary summary = plugins.runner().run(spec, output, RunListener.NONE);
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(output.resolve("summary.csv"));
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            rows = parser.getRecords();
        }
        assertEquals(2, rows.size());
        assertEquals("[\"Air.Flow\",\"Water.Temp\"]", rows.get(0).get("model.features"));
        assertEquals("FAILED", rows.get(1).get("status"));
        assertEquals("", rows.get(1).get("objective"), "NaN is left empty");
        assertEquals(summary.runs().get(1).message(), rows.get(1).get("message"));
        assertTrue(rows.get(1).get("message").contains("No\"pe"));
    }

    @Test
    void experimentSummaryCarriesTheSweptValuesForAComparisonTable() throws Exception {
        ExperimentSummary summary = plugins.runner().run(Specs.write(directory, "quantiles.json", Specs.QUANTILES),
                directory.resolve("out"), RunListener.NONE);
        assertEquals(List.of("loss.tau", "solver.pivot"), summary.sweptPaths());
        ExperimentSummary.Run third = summary.runs().get(3);
        assertEquals(3, third.index());
        assertEquals(List.of("loss.tau", "solver.pivot"), List.copyOf(third.sweep().keySet()));
        assertEquals("0.25", third.sweep().get("loss.tau"));
        assertEquals("bland", third.sweep().get("solver.pivot"));
        assertEquals(0, third.repeat());
        assertTrue(third.regionChanges() >= 0);
    }
}

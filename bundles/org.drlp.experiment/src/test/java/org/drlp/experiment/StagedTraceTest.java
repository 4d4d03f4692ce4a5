package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.drlp.spi.PluginRole;
import org.drlp.api.RunListener;
import org.drlp.data.CsvDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A regression of 20,000 rows, where the presolve switches on, run end to end: trace.csv holds
 * every pivot of every stage marked by its stage, results.json the stages' counters, summary.csv
 * their sums, and all three agree with the run's iterations.
 */
class StagedTraceTest {

    private static final int ROWS = 20_000;
    private static final CSVFormat HEADED = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();

    @TempDir
    Path directory;

    @Test
    void thePresolvedRunTracesEveryPivotOfEveryStage() throws Exception {
        TestPlugins plugins = new TestPlugins();
        plugins.registry.add(PluginRole.DATA, new CsvDataSource(), plugins.reference("org.drlp.data"));
        writeData(directory.resolve("big.csv"));
        Path spec = Specs.write(directory, "big.json", """
                {"data": {"source": "csv", "path": "big.csv", "target": "y"},
                 "model": {"type": "linear", "intercept": true},
                 "loss": {"type": "absolute"},
                 "solver": {"method": "vertex-walk", "pivot": "dantzig"},
                 "trace": true}
                """);
        Path output = directory.resolve("out");
        plugins.runner().run(spec, output, RunListener.NONE);

        JsonObject run = Specs.results(output).getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals("OPTIMAL", run.get("status").getAsString(), run.toString());
        long iterations = run.get("iterations").getAsLong();
        List<String> stageNames = new ArrayList<>();
        long stagePivots = 0, presolvePivots = 0;
        for (JsonElement element : run.getAsJsonArray("stages")) {
            JsonObject stage = element.getAsJsonObject();
            stageNames.add(stage.get("name").getAsString());
            stagePivots += stage.get("pivots").getAsLong();
            if (!stage.get("name").getAsString().equals("final")) presolvePivots += stage.get("pivots").getAsLong();
        }
        assertEquals(iterations, stagePivots, "pivots by stage add up to iterations");
        assertEquals("subsample", stageNames.get(0), stageNames.toString());
        assertEquals("final", stageNames.get(stageNames.size() - 1), stageNames.toString());
        assertTrue(stageNames.size() >= 3 && presolvePivots > 0, "presolve stages ran: " + stageNames);

        List<String> traceStages = new ArrayList<>();
        long pivotRows = 0, lastIteration = 0;
        try (Reader in = Files.newBufferedReader(output.resolve("runs/000/trace.csv"));
             CSVParser parser = HEADED.parse(in)) {
            for (CSVRecord row : parser) {
                long iteration = Long.parseLong(row.get("iteration"));
                if (traceStages.isEmpty() || !traceStages.get(traceStages.size() - 1).equals(row.get("stage"))) {
                    traceStages.add(row.get("stage"));
                    assertEquals(lastIteration, iteration, "a stage starts where the one before ended: " + row);
                } else {
                    pivotRows++;
                    assertEquals(lastIteration + 1, iteration, "pivots numbered over the whole solve: " + row);
                }
                lastIteration = iteration;
            }
        }
        assertEquals(stageNames, traceStages, "trace.csv's stages, in the order results.json lists them");
        assertEquals(iterations, pivotRows, "one trace row per pivot besides each stage's start row");
        assertEquals(iterations, lastIteration);

        try (Reader in = Files.newBufferedReader(output.resolve("summary.csv"));
             CSVParser parser = HEADED.parse(in)) {
            CSVRecord row = parser.getRecords().get(0);
            assertEquals(presolvePivots, Long.parseLong(row.get("presolvePivots")));
            assertEquals(iterations, Long.parseLong(row.get("iterations")));
        }
        String svg = Files.readString(output.resolve("runs/000/objective.svg"));
        for (String stage : stageNames) assertTrue(svg.contains(stage), "the plot names stage " + stage);
    }

    /** y = 1 + 2 x1 - x2 plus Laplace noise. */
    private static void writeData(Path file) throws Exception {
        Random random = new Random(5);
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("x1,x2,y\n");
            for (int i = 0; i < ROWS; i++) {
                double x1 = random.nextGaussian(), x2 = random.nextGaussian();
                double noise = -Math.log(random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
                out.write(x1 + "," + x2 + "," + (1 + 2 * x1 - x2 + noise) + "\n");
            }
        }
    }
}

package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict}, fitted.csv and dropped rows, end to end on a real Felix with the shipped data. */
class PredictCommandTest extends ConsoleCapture {

    private static final Path DATA = Path.of("../examples/data").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    private Path engel() throws IOException {
        Path spec = temp.resolve("engel.json");
        Files.writeString(spec, "{\"name\": \"engel\", \"data\": {\"source\": \"csv\", \"path\": \""
                + DATA.resolve("engel.csv") + "\", \"target\": \"foodexp\"}, \"model\": {\"type\": \"linear\", "
                + "\"fitted\": true}, \"loss\": {\"type\": \"quantile\", \"tau\": 0.5}, \"trace\": false}");
        Path out = temp.resolve("out");
        assertEquals(Main.OK, drlp("run", spec.toString(), "--out", out.toString(), "--quiet"), err::toString);
        return out;
    }

    private static JsonObject run(Path out) throws IOException {
        return JsonParser.parseString(Files.readString(out.resolve("results.json"))).getAsJsonObject()
                .getAsJsonArray("runs").get(0).getAsJsonObject();
    }

    @Test
    void predictionsOfNewIncomesAreTheRunsLineAndTheTrainingRowsItsFittedValues() throws IOException {
        Path out = engel();
        JsonObject parameters = run(out).getAsJsonObject("parameters");
        double a = parameters.get("intercept").getAsDouble(), b = parameters.get("income").getAsDouble();
        // R's rq(foodexp ~ income, tau = 0.5) on engel: 81.48225, 0.5601806
        assertEquals(81.48225, a, 1e-5);
        assertEquals(0.5601806, b, 1e-7);

        Path fresh = Files.writeString(temp.resolve("new.csv"), "income\n500\n1000.5\n");
        assertEquals(Main.OK, drlp("predict", out.resolve("runs/000").toString(), fresh.toString()), err::toString);
        Path written = out.resolve("runs/000/predictions.csv");
        assertTrue(this.out.toString().contains("run 000: 2 rows predicted; written to " + written), this.out::toString);
        List<String> lines = Files.readAllLines(written);
        assertEquals("row,fitted", lines.get(0), "no covariance recorded: no intervals; no target: no residuals");
        assertEquals(a + 500 * b, Double.parseDouble(lines.get(1).split(",")[1]), 1e-9);
        assertEquals(a + 1000.5 * b, Double.parseDouble(lines.get(2).split(",")[1]), 1e-9);

        // the training file itself: the run's own fitted.csv, target and residual included
        Path again = temp.resolve("again.csv");
        assertEquals(Main.OK, drlp("predict", out.toString(), "--run", "0", DATA.resolve("engel.csv").toString(),
                "--out", again.toString()), err::toString);
        assertEquals(Files.readAllLines(out.resolve("runs/000/fitted.csv")).subList(1, 236),
                Files.readAllLines(again).subList(1, 236).stream().map(PredictCommandTest::fittedOrder).toList());
    }

    /** row,fitted,target,residual as fitted.csv orders it: row,target,fitted,residual. */
    private static String fittedOrder(String line) {
        String[] f = line.split(",");
        return f[0] + "," + f[2] + "," + f[1] + "," + f[3];
    }

    @Test
    void aRecordedCovarianceGivesIntervalsAtItsLevel() throws IOException {
        Path out = engel();
        JsonObject root = JsonParser.parseString(Files.readString(out.resolve("results.json"))).getAsJsonObject();
        JsonObject record = root.getAsJsonArray("runs").get(0).getAsJsonObject();
        // as a coefficient table records it, here in the other order than the run's parameters
        JsonObject table = new JsonObject();
        table.addProperty("level", 0.9);
        JsonArray rows = new JsonArray();
        for (String name : List.of("intercept", "income")) {
            JsonObject row = new JsonObject();
            row.addProperty("name", name);
            rows.add(row);
        }
        table.add("rows", rows);
        table.add("covariance", JsonParser.parseString("[[200.0, -0.2], [-0.2, 0.0004]]"));
        record.add("coefficients", table);
        Files.writeString(out.resolve("results.json"), root.toString());
        double a = record.getAsJsonObject("parameters").get("intercept").getAsDouble();
        double b = record.getAsJsonObject("parameters").get("income").getAsDouble();

        Path fresh = Files.writeString(temp.resolve("new.csv"), "income,foodexp\n800,500\n");
        Path predictions = temp.resolve("p.csv");
        assertEquals(Main.OK, drlp("predict", out.toString(), "--run", "0", fresh.toString(), "--out",
                predictions.toString()), err::toString);
        List<String> lines = Files.readAllLines(predictions);
        assertEquals("row,fitted,lower,upper,target,residual", lines.get(0));
        String[] f = lines.get(1).split(",");
        double fit = a + 800 * b;
        double half = 1.6448536269514722 * Math.sqrt(200 - 2 * 0.2 * 800 + 0.0004 * 800 * 800); // qnorm(0.95)
        assertEquals(fit, Double.parseDouble(f[1]), 1e-9);
        assertEquals(fit - half, Double.parseDouble(f[2]), 1e-9);
        assertEquals(fit + half, Double.parseDouble(f[3]), 1e-9);
        assertEquals(500 - fit, Double.parseDouble(f[5]), 1e-9);
    }

    @Test
    void newDataIsCodedWithTheTrainingLevelsAndAnUnseenLevelIsLocated() throws IOException {
        Path spec = temp.resolve("warp.json");
        Files.writeString(spec, "{\"name\": \"warp\", \"data\": {\"source\": \"csv\", \"path\": \""
                + DATA.resolve("categorical/warpbreaks.csv") + "\", \"target\": \"breaks\", \"categorical\": [\"wool\", \"tension\"]},"
                + " \"model\": {\"type\": \"linear\", \"interactions\": [\"wool:tension\"]}, \"loss\": {\"type\": \"absolute\"},"
                + " \"trace\": false}");
        Path out = temp.resolve("warp");
        assertEquals(Main.OK, drlp("run", spec.toString(), "--out", out.toString(), "--quiet"), err::toString);
        // R: rq(breaks ~ wool * tension) gives 24, -7, 27, -3, -15, 14; the median of cell (B, M) is 28
        Path fresh = Files.writeString(temp.resolve("new.csv"), "tension,wool\nM,B\nH,A\n");
        Path predictions = temp.resolve("p.csv");
        assertEquals(Main.OK, drlp("predict", out.toString(), "--run", "0", fresh.toString(), "--out",
                predictions.toString()), err::toString);
        assertEquals(List.of("row,fitted", "1,28.0", "2,24.0"), Files.readAllLines(predictions));

        Path unseen = Files.writeString(temp.resolve("unseen.csv"), "wool,tension\nA,H\nC,M\n");
        assertEquals(Main.ERROR, drlp("predict", out.resolve("runs/000").toString(), unseen.toString()));
        assertEquals("drlp: predict: " + unseen + ": data row 2, column \"wool\": level \"C\" was not in the training "
                + "data (its levels: A, B)", err.toString().strip());
    }

    @Test
    void droppedRowsAreCountedInTheResultsAndTheSummary() throws IOException {
        Path csv = Files.writeString(temp.resolve("gaps.csv"), "x,g,y\n1,a,2\n2,,3\n3,b,NA\n4,b,5\n5,a,4\n6,b,8\n");
        Path spec = temp.resolve("gaps.json");
        Files.writeString(spec, "{\"name\": \"gaps\", \"data\": {\"source\": \"csv\", \"path\": \"" + csv
                + "\", \"categorical\": [\"g\"], \"missing\": \"drop\"}, \"model\": {\"type\": \"linear\"},"
                + " \"loss\": {\"type\": \"absolute\"}, \"trace\": false}");
        Path out = temp.resolve("gaps");
        assertEquals(Main.OK, drlp("run", spec.toString(), "--out", out.toString(), "--quiet"), err::toString);
        JsonObject data = run(out).getAsJsonObject("data");
        assertEquals(4, data.get("rows").getAsInt());
        assertEquals(2, data.get("droppedRows").getAsInt());
        assertTrue(this.out.toString().contains("data: 2 of 6 rows dropped for a missing value (run 0)"), this.out::toString);

        Files.writeString(spec, Files.readString(spec).replace("\"drop\"", "\"error\""));
        assertEquals(Main.RUNS_FAILED, drlp("run", spec.toString(), "--out", out.toString(), "--quiet", "--overwrite"));
        assertTrue(run(out).get("message").getAsString().contains(csv + ":3:2 (g): missing value"),
                run(out).get("message")::toString);
    }

    @Test
    void usageInLineWithTheOtherCommands() {
        assertEquals(Main.OK, drlp("predict", "--help"));
        assertTrue(out.toString().startsWith("Usage: drlp predict [-hV] [--debug] [--out=FILE]"), out::toString);
        assertEquals(Main.USAGE, drlp("predict", temp.toString()));
        assertTrue(err.toString().contains("Missing required parameter: 'DATA'"), err::toString);
    }
}

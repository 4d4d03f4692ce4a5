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

/**
 * examples/engel/quantiles.json, a sweep over loss.tau with nid standard errors, from the command line:
 * the coefficient tables in results.json, summary.csv, coefficients.csv and on the console, and the
 * same after a run in two shards merged. The values are R quantreg's (summary.rq(se = "nid"), from
 * bundles/org.drlp.model.linear/src/test/r/inference-reference.R).
 */
class CoefficientTablesTest extends ConsoleCapture {

    private static final String SPEC = Path.of("..", "examples", "engel", "quantiles.json").toString();
    private static final List<String> TAUS = List.of("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9");

    @TempDir
    Path temp;

    @Test
    void aTauSweepWritesItsTablesAndPrintsOneCompactTable() throws IOException {
        Path folder = temp.resolve("engel");
        assertEquals(Main.OK, drlp("run", SPEC, "--out", folder.toString(), "--quiet", "--set", "warmStart=false"), err::toString);

        JsonObject median = run(folder, 4);
        assertEquals("0.5", median.getAsJsonObject("sweep").get("loss.tau").getAsString());
        JsonObject table = median.getAsJsonObject("coefficients");
        assertEquals("nid", table.get("inference").getAsString());
        assertEquals(0.95, table.get("level").getAsDouble());
        assertEquals("t", table.get("statistic").getAsString());
        assertTrue(table.get("unique").getAsBoolean());
        JsonArray rows = table.getAsJsonArray("rows");
        JsonObject income = rows.get(0).getAsJsonObject(), intercept = rows.get(1).getAsJsonObject();
        assertEquals("income", income.get("name").getAsString());
        close(0.56018055120941956, income.get("estimate").getAsDouble());
        close(0.028277209683857652, income.get("stdError").getAsDouble());
        close(19.810319245509032, income.get("statistic").getAsDouble());
        close(19.250660252106016, intercept.get("stdError").getAsDouble());
        close(3.3228751531666489e-05, intercept.get("pValue").getAsDouble());
        close(0.028277209683857652 * 0.028277209683857652,
                table.getAsJsonArray("covariance").get(0).getAsJsonArray().get(0).getAsDouble());

        List<String> coefficients = Files.readAllLines(folder.resolve("coefficients.csv"));
        assertEquals("index,label,problem,loss.tau,repeat,inference,level,test,unique,coefficient,estimate,stdError,"
                + "statistic,pValue,lower,upper", coefficients.get(0));
        assertEquals(1 + 2 * TAUS.size(), coefficients.size(), coefficients::toString);
        for (int k = 0; k < TAUS.size(); k++) {
            String[] first = coefficients.get(1 + 2 * k).split(","), second = coefficients.get(2 + 2 * k).split(",");
            assertEquals(TAUS.get(k), first[3]);
            assertEquals("income", first[9]);
            assertEquals(TAUS.get(k), second[3]);
            assertEquals("intercept", second[9]);
        }
        String[] medianIncome = coefficients.get(9).split(",");
        close(0.028277209683857652, Double.parseDouble(medianIncome[11]));

        List<String> summary = Files.readAllLines(folder.resolve("summary.csv"));
        assertTrue(summary.get(0).endsWith(",message,estimate.income,se.income,lower.income,upper.income,"
                + "estimate.intercept,se.intercept,lower.intercept,upper.intercept"), summary.get(0));

        List<String> console = out.toString().lines().toList();
        int header = console.indexOf("coefficients (inference nid, 95% intervals):");
        assertTrue(header >= 0, out::toString);
        assertTrue(console.get(header + 1).matches(" +loss\\.tau +coefficient +estimate +std\\. error +t value +Pr\\(>\\|t\\|\\) +lower +upper"),
                console.get(header + 1));
        assertTrue(console.get(header + 10).matches("  0\\.5 +income +0\\.560181 +0\\.0282772 +19\\.8103 +<2e-16 +.*"),
                console.get(header + 10));
        assertTrue(console.get(header + 11).matches(" +intercept +81\\.4822 +19\\.2507 +4\\.2327 +3\\.32e-05 +.*"),
                console.get(header + 11));

        // two shards merged: the same tables (every run cold, so that a shard's runs do not depend on the others)
        Path sweep = temp.resolve("sweep");
        for (int shard = 0; shard < 2; shard++) {
            assertEquals(Main.OK, drlp("run", SPEC, "--out", sweep.resolve("shards/00" + shard).toString(),
                    "--shard", shard + "/2", "--quiet", "--set", "warmStart=false"), err::toString);
        }
        assertEquals(Main.OK, drlp("merge", sweep.toString()), err::toString);
        assertEquals(coefficients, Files.readAllLines(sweep.resolve("coefficients.csv")));
        assertEquals(summary.get(0), Files.readAllLines(sweep.resolve("summary.csv")).get(0));
        assertEquals(table, run(sweep, 4).getAsJsonObject("coefficients"));

        // part of the sweep, then resumed: the same tables
        Path resumed = temp.resolve("resumed");
        assertEquals(Main.OK, drlp("run", SPEC, "--out", resumed.toString(), "--only", "0-3", "--quiet", "--set", "warmStart=false"), err::toString);
        assertEquals(Main.OK, drlp("run", SPEC, "--out", resumed.toString(), "--resume", "--quiet", "--set", "warmStart=false"), err::toString);
        assertEquals(coefficients, Files.readAllLines(resumed.resolve("coefficients.csv")));
        assertEquals(summary.get(0), Files.readAllLines(resumed.resolve("summary.csv")).get(0));
    }

    @Test
    void validateNamesTheKnownMethods() {
        assertEquals(Main.ERROR, drlp("validate", SPEC, "--set", "model.inference=sandwich"));
        assertTrue(err.toString().contains("(model.inference): model \"linear\": parameter \"inference\" = \"sandwich\" is "
                + "not allowed; one of rank, iid, nid, ker, boot, none"), err::toString);
        assertEquals(Main.OK, drlp("validate", SPEC, "--set", "model.inference=boot"), err::toString);
    }

    @Test
    void aSingleRunPrintsItsTableWithTheNonuniqueWarning() throws IOException {
        // LAD of an intercept on four rows: any value between the middle two minimises
        Files.writeString(temp.resolve("even.csv"), "y\n1\n2\n3\n4\n");
        Path spec = Files.writeString(temp.resolve("even.json"), "{\"name\": \"even\", \"data\": {\"source\": \"csv\","
                + " \"path\": \"even.csv\", \"target\": \"y\"}, \"model\": {\"type\": \"linear\", \"inference\": \"none\"},"
                + " \"loss\": {\"type\": \"absolute\"}}");
        assertEquals(Main.OK, drlp("run", spec.toString(), "--out", temp.resolve("out").toString(), "--quiet"), err::toString);
        List<String> console = out.toString().lines().toList();
        int header = console.indexOf("coefficients (inference none) of 000:");
        assertTrue(header >= 0, out::toString);
        assertEquals("  coefficient  estimate", console.get(header + 1));
        assertTrue(console.get(header + 2).matches("  intercept +[23](\\.\\d+)?"), console.get(header + 2));
        assertEquals("  solution may be nonunique", console.get(header + 3));
    }

    @Test
    void inferenceForALossWithoutQuantileLevelIsALocatedError() throws IOException {
        Path spec = Files.writeString(temp.resolve("eps.json"), "{\"name\": \"eps\", \"data\": {\"source\": \"csv\","
                + " \"path\": \"" + Path.of("..", "examples", "data", "engel.csv").toAbsolutePath().toString().replace("\\", "\\\\")
                + "\", \"target\": \"foodexp\"}, \"model\": {\"type\": \"linear\", \"inference\": \"iid\"},"
                + " \"loss\": {\"type\": \"epsilon-insensitive\", \"epsilon\": 1}}");
        assertEquals(Main.RUNS_FAILED, drlp("run", spec.toString(), "--out", temp.resolve("out").toString(), "--quiet"));
        assertTrue(out.toString().contains("building the model: model.inference: \"iid\" needs a quantile or absolute loss"),
                out::toString);
    }

    private static JsonObject run(Path folder, int index) throws IOException {
        JsonObject results = JsonParser.parseString(Files.readString(folder.resolve("results.json"))).getAsJsonObject();
        for (var run : results.getAsJsonArray("runs")) {
            if (run.getAsJsonObject().get("index").getAsInt() == index) return run.getAsJsonObject();
        }
        throw new AssertionError("no run " + index + " in " + folder);
    }

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, 1e-6 * Math.abs(expected));
    }
}

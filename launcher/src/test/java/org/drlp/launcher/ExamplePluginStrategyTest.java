package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example third-party project's anti-cycling rule ({@code lifo-after}, examples/third-party-plugin)
 * dropped into the plugins folder of a workbench run from the command line, and named in a spec:
 * the runs end certified at the reference optimum, and the rule did make the choices.
 */
class ExamplePluginStrategyTest {

    private static final Path STACKLOSS = Path.of("..", "examples", "data", "stackloss.csv").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void theExamplesRuleNamedInASpecEndsAtTheExactStackLossOptimum() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        ExamplePluginJar.drop(temp, plugins);
        // zeroSteps 1: every zero-length pivot of the degenerate stack-loss vertices hands the choice to the rule
        Path spec = Files.writeString(temp.resolve("lifo.json"), """
                {
                  "name": "stackloss-lifo",
                  "data":   {"source": "csv", "path": "%s", "target": "stack.loss"},
                  "model":  {"type": "linear", "intercept": true},
                  "loss":   {"type": "absolute"},
                  "solver": {"method": "vertex-walk", "pivot": "dantzig", "lineSearch": "harris",
                             "antiCycling": {"type": "lifo-after", "zeroSteps": 1}},
                  "sweep":  {"solver.lineSearch": ["harris", "weighted-median", "crossing"],
                             "solver.pivot": ["dantzig", "steepest-edge", "best-of-k"]}
                }
                """.formatted(STACKLOSS.toString().replace("\\", "\\\\")));

        List<JsonObject> runs = run(spec, plugins);

        assertEquals(9, runs.size());
        long activations = 0;
        for (JsonObject run : runs) {
            assertCertifiedOptimal(run);
            // the exact optimum of median regression of the stack-loss data (Koenker, Quantile Regression, 2005)
            assertEquals(14518.0 / 345, run.get("objective").getAsDouble(), 1e-9, run::toString);
            JsonObject origin = run.getAsJsonObject("plugins").getAsJsonObject("solver.antiCycling");
            assertEquals(ExamplePluginJar.BUNDLE, origin.get("bundle").getAsString(), run::toString);
            activations += ruleActivations(run);
        }
        assertTrue(activations > 0, "the rule never took over: " + runs);
    }

    @Test
    void onHeavilyTiedDataTheRuleReachesTheOptimumThatBlandsRuleReaches() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        ExamplePluginJar.drop(temp, plugins);
        Path spec = Files.writeString(temp.resolve("ties.json"), """
                {
                  "name": "heavy-ties-lifo-vs-bland",
                  "data":   {"source": "synthetic", "n": 300, "p": 4, "kind": "heavy-ties", "seed": 1},
                  "model":  {"type": "linear", "intercept": true},
                  "loss":   {"type": "absolute"},
                  "solver": {"method": "vertex-walk", "pivot": "dantzig", "lineSearch": "harris",
                             "antiCycling": {"type": "lifo-after", "zeroSteps": 1}},
                  "sweep":  {"data.seed": [1, 2, 3, 4], "solver.antiCycling.type": ["lifo-after", "bland-after"]}
                }
                """);

        List<JsonObject> runs = run(spec, plugins);

        assertEquals(8, runs.size());
        Map<Long, Double> blandObjective = new HashMap<>();
        Map<Long, JsonObject> lifoRun = new HashMap<>();
        for (JsonObject run : runs) {
            assertCertifiedOptimal(run);
            JsonObject sweep = run.getAsJsonObject("sweep");
            long seed = sweep.get("data.seed").getAsLong();
            if (sweep.get("solver.antiCycling.type").getAsString().equals("bland-after")) {
                blandObjective.put(seed, run.get("objective").getAsDouble());
            } else {
                lifoRun.put(seed, run);
            }
        }
        long activations = 0;
        for (Map.Entry<Long, JsonObject> lifo : lifoRun.entrySet()) {
            double expected = blandObjective.get(lifo.getKey());
            assertEquals(expected, lifo.getValue().get("objective").getAsDouble(), 1e-9 * (1 + Math.abs(expected)),
                    lifo.getValue()::toString);
            activations += ruleActivations(lifo.getValue());
        }
        assertTrue(activations > 0, "the rule never took over: " + lifoRun);
    }

    /** OPTIMAL with a certificate that holds: no edge descends, the dual is feasible and stationary. */
    private static void assertCertifiedOptimal(JsonObject run) {
        assertEquals("OPTIMAL", run.get("status").getAsString(), run::toString);
        JsonObject certificate = run.getAsJsonObject("certificate");
        assertTrue(certificate.get("minEdgeSlope").getAsDouble() >= -certificate.get("slopeTolerance").getAsDouble(),
                run::toString);
        assertTrue(certificate.get("dualMaxViolation").getAsDouble() <= 1e-9, run::toString);
        assertTrue(certificate.get("stationarityResidual").getAsDouble() <= 1e-8, run::toString);
    }

    private static long ruleActivations(JsonObject run) {
        long sum = 0;
        for (JsonElement stage : run.getAsJsonArray("stages")) sum += stage.getAsJsonObject().get("ruleActivations").getAsLong();
        return sum;
    }

    private List<JsonObject> run(Path spec, Path plugins) throws IOException {
        Path results = temp.resolve("out-" + spec.getFileName());
        int status = Main.execute(new String[] {"run", spec.toString(), "--out", results.toString(),
                "--plugins", plugins.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.OK, status, () -> out + "\n" + err);
        JsonArray runs = JsonParser.parseString(Files.readString(results.resolve("results.json")))
                .getAsJsonObject().getAsJsonArray("runs");
        return runs.asList().stream().map(JsonElement::getAsJsonObject).toList();
    }
}

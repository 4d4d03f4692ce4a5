package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composed methods and held-out evaluation from the launcher, on a real Felix. */
class ComposedMethodsTest extends ConsoleCapture {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path temp;

    @Test
    void theShippedAdamThenWalkExampleValidates() {
        Path spec = EXAMPLES.resolve("relu/adam-then-walk.json");
        assertEquals(Main.OK, drlp("validate", spec.toString()), err::toString);
        assertEquals(spec + ": valid, 2 runs", out.toString().strip());
    }

    @Test
    void aWrongStageNameIsALocatedSpecError() throws IOException {
        Path spec = temp.resolve("typo.json");
        Files.writeString(spec, "{\n"
                + "  \"data\": {\"source\": \"synthetic\", \"n\": 50, \"p\": 4},\n"
                + "  \"model\": {\"type\": \"relu-layer\", \"network\": \"" + network() + "\"},\n"
                + "  \"loss\": {\"type\": \"absolute\"},\n"
                + "  \"solver\": {\"method\": \"sequence\", \"then\": {\"type\": \"vertex-wlak\"}}\n"
                + "}\n");
        assertEquals(Main.ERROR, drlp("validate", spec.toString()), err::toString);
        String problems = err.toString();
        assertTrue(problems.contains(spec + ":5:"), problems);
        assertTrue(problems.contains("(solver.then"), problems);
        assertTrue(problems.contains("vertex-wlak") && problems.contains("vertex-walk"), "lists what is available: " + problems);
    }

    @Test
    void adamThenTheWalkEndsCertifiedAndRecordsTheValidationLossOfItsNetwork() throws IOException {
        Path heldOut = temp.resolve("held-out.csv");
        Random random = new Random(3);
        StringBuilder csv = new StringBuilder("x1,x2,x3,x4,y\n");
        double[][] rows = new double[40][5];
        for (double[] row : rows) {
            for (int j = 0; j < 5; j++) row[j] = random.nextGaussian();
            csv.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append(',').append(row[3])
                    .append(',').append(row[4]).append('\n');
        }
        Files.writeString(heldOut, csv);
        Path spec = temp.resolve("sequence.json");
        Files.writeString(spec, "{\n"
                + "  \"data\": {\"source\": \"synthetic\", \"n\": 300, \"p\": 4},\n"
                + "  \"model\": {\"type\": \"relu-layer\", \"network\": \"" + network() + "\", \"start\": \"random\",\n"
                + "            \"validation\": {\"type\": \"csv\", \"path\": \"held-out.csv\", \"target\": \"y\"}},\n"
                + "  \"loss\": {\"type\": \"absolute\"},\n"
                + "  \"solver\": {\"method\": \"sequence\", \"first\": {\"type\": \"adam\", \"epochs\": 300},\n"
                + "             \"then\": {\"type\": \"vertex-walk\", \"pivot\": \"steepest-edge\"}}\n"
                + "}\n");
        Path results = temp.resolve("out");
        assertEquals(Main.OK, drlp("run", spec.toString(), "--out", results.toString()), err::toString);

        JsonObject run = JsonParser.parseString(Files.readString(results.resolve("results.json"))).getAsJsonObject()
                .getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals("LOCAL_MINIMUM", run.get("status").getAsString(), run.toString());
        JsonArray stages = run.getAsJsonArray("stages");
        assertEquals("adam", stages.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals(300, stages.get(0).getAsJsonObject().get("pivots").getAsLong());
        assertTrue(stages.get(1).getAsJsonObject().get("name").getAsString().startsWith("vertex-walk"), stages.toString());
        // the held-out loss recomputed by a forward pass of the trained network the run wrote
        JsonObject network = JsonParser.parseString(Files.readString(results.resolve("runs/000/network.json")))
                .getAsJsonObject();
        double expected = 0;
        for (double[] row : rows) expected += Math.abs(forward(network, row) - row[4]);
        double recorded = run.getAsJsonObject("evaluation").get("validationLoss").getAsDouble();
        assertEquals(expected, recorded, 1e-9 * expected);
        assertEquals(40, run.getAsJsonObject("evaluation").get("validationRows").getAsInt());
    }

    /** The network's output at the first four values of row: ReLU hidden layers, an affine output. */
    private static double forward(JsonObject network, double[] row) {
        double[] h = {row[0], row[1], row[2], row[3]};
        JsonArray layers = network.getAsJsonArray("layers");
        for (int l = 0; l < layers.size(); l++) {
            JsonArray weights = layers.get(l).getAsJsonObject().getAsJsonArray("weights");
            JsonArray biases = layers.get(l).getAsJsonObject().getAsJsonArray("biases");
            double[] next = new double[biases.size()];
            for (int k = 0; k < next.length; k++) {
                double z = biases.get(k).getAsDouble();
                JsonArray w = weights.get(k).getAsJsonArray();
                for (int j = 0; j < h.length; j++) z += w.get(j).getAsDouble() * h[j];
                next[k] = l == layers.size() - 1 ? z : Math.max(0, z);
            }
            h = next;
        }
        return h[0];
    }

    private static String network() {
        return EXAMPLES.resolve("networks/paper-4-5-4-2-1.json").toAbsolutePath().normalize().toString();
    }
}

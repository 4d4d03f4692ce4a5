package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole network from a safetensors file, trained layer by layer and by Adam jointly in one sweep, on a real Felix. */
class WholeNetworkTest extends ConsoleCapture {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path temp;

    @Test
    void theShippedWholeNetworkExampleValidates() {
        Path spec = EXAMPLES.resolve("relu/whole-network.json");
        assertEquals(Main.OK, drlp("validate", spec.toString()), err::toString);
        assertEquals(spec + ": valid, 2 runs", out.toString().strip());
    }

    @Test
    void bothMethodsTrainTheSafetensorsNetworkAndRecordTheirHeldOutLoss() throws IOException {
        Path network = EXAMPLES.resolve("networks/paper-4-5-4-2-1.safetensors").toAbsolutePath().normalize();
        Path spec = temp.resolve("whole.json");
        Files.writeString(spec, "{\n"
                + "  \"data\": {\"source\": \"synthetic\", \"n\": 300, \"p\": 4, \"seed\": 1},\n"
                + "  \"model\": {\"type\": \"relu-layerwise\", \"network\": \"" + network + "\", \"layers\": [4, 3],\n"
                + "            \"rounds\": 2, \"threads\": 2,\n"
                + "            \"validation\": {\"type\": \"synthetic\", \"n\": 100, \"p\": 4, \"seed\": 2}},\n"
                + "  \"loss\": {\"type\": \"absolute\"},\n"
                + "  \"solver\": {\"method\": \"block-coordinate\"},\n"
                + "  \"sweep\": {\"solver\": [{\"method\": \"block-coordinate\", \"pivot\": \"steepest-edge\"},\n"
                + "                         {\"method\": \"adam\", \"epochs\": 200}]},\n"
                + "  \"trace\": true\n"
                + "}\n");
        Path results = temp.resolve("out");
        assertEquals(Main.OK, drlp("run", spec.toString(), "--out", results.toString()), err::toString);
        JsonArray runs = JsonParser.parseString(Files.readString(results.resolve("results.json"))).getAsJsonObject()
                .getAsJsonArray("runs");
        assertEquals(2, runs.size());
        assertEquals("COMPLETED", runs.get(0).getAsJsonObject().get("status").getAsString(), runs.toString());
        assertEquals(200, runs.get(1).getAsJsonObject().get("iterations").getAsLong());
        for (int r = 0; r < 2; r++) {
            JsonObject run = runs.get(r).getAsJsonObject();
            assertTrue(run.getAsJsonObject("evaluation").get("validationLoss").getAsDouble() > 0, run.toString());
            Path folder = results.resolve("runs/00" + r);
            assertWeightsAgree(folder.resolve("network.json"), folder.resolve("network.safetensors"));
        }
        assertTrue(Files.exists(results.resolve("plots/all.svg")), "one plot of both methods' loss against time");
    }

    /** The safetensors file the run wrote holds network.json's layers as 0.weight, 0.bias, 2.weight, ... in F64. */
    private static void assertWeightsAgree(Path json, Path tensors) throws IOException {
        JsonArray layers = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("layers");
        byte[] bytes = Files.readAllBytes(tensors);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int length = (int) buffer.getLong(0);
        JsonObject header = JsonParser.parseString(new String(bytes, 8, length, StandardCharsets.UTF_8)).getAsJsonObject();
        for (int l = 0; l < layers.size(); l++) {
            JsonObject layer = layers.get(l).getAsJsonObject();
            JsonObject weight = header.getAsJsonObject(2 * l + ".weight"), bias = header.getAsJsonObject(2 * l + ".bias");
            assertEquals("F64", weight.get("dtype").getAsString());
            long at = 8 + length + weight.getAsJsonArray("data_offsets").get(0).getAsLong();
            JsonArray rows = layer.getAsJsonArray("weights");
            for (int r = 0; r < rows.size(); r++) {
                JsonArray row = rows.get(r).getAsJsonArray();
                for (int c = 0; c < row.size(); c++) {
                    assertEquals(row.get(c).getAsDouble(), buffer.getDouble((int) at), 0, tensors + " layer " + (l + 1));
                    at += 8;
                }
            }
            at = 8 + length + bias.getAsJsonArray("data_offsets").get(0).getAsLong();
            for (var b : layer.getAsJsonArray("biases")) {
                assertEquals(b.getAsDouble(), buffer.getDouble((int) at), 0);
                at += 8;
            }
        }
    }
}

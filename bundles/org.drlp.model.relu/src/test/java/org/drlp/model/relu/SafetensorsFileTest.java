package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** safetensors files of an nn.Sequential: an independent writer's files, exact round trips, located errors. */
class SafetensorsFileTest {

    @TempDir
    Path dir;

    /**
     * Files written by {@code safetensors/write_sequential.py} (Python's struct and json, the tensors
     * stored in another order than the header lists them) give the forward pass that script computed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"F32", "F64"})
    void anIndependentWritersFileGivesItsForwardPass(String dtype) throws IOException {
        Path file = resource("sequential-4-5-4-2-1-" + dtype.toLowerCase() + ".safetensors");
        Network net = Network.read(file);
        assertEquals(3, net.hiddenLayers());
        int[] widths = {4, 5, 4, 2, 1};
        for (int l = 0; l < widths.length; l++) assertEquals(widths[l], net.width(l));
        JsonObject expected;
        try (InputStream in = getClass().getResourceAsStream("/safetensors/sequential-4-5-4-2-1-forward.json")) {
            expected = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
        JsonArray inputs = expected.getAsJsonArray("inputs"), outputs = expected.getAsJsonArray(dtype);
        boolean anyActive = false;
        for (int p = 0; p < inputs.size(); p++) {
            JsonArray row = inputs.get(p).getAsJsonArray();
            double[] x = new double[row.size()];
            for (int c = 0; c < x.length; c++) x[c] = row.get(c).getAsDouble();
            double want = outputs.get(p).getAsDouble();
            assertEquals(want, net.evaluate(x), 1e-12 * (1 + Math.abs(want)), "input " + p);
            anyActive |= want != net.biases(4)[0];
        }
        assertTrue(anyActive, "some input reaches the output through the hidden units");
    }

    /** F32 values widen exactly, so the F32 file's weights are the F64 file's rounded to float. */
    @Test
    void f32WeightsAreTheF64WeightsRoundedToFloat() throws IOException {
        Network f32 = Network.read(resource("sequential-4-5-4-2-1-f32.safetensors"));
        Network f64 = Network.read(resource("sequential-4-5-4-2-1-f64.safetensors"));
        for (int l = 1; l <= 4; l++) {
            double[] wide = f64.layerParameters(l), narrow = f32.layerParameters(l);
            for (int i = 0; i < wide.length; i++) assertEquals((double) (float) wide[i], narrow[i], 0);
        }
    }

    /** network JSON -> safetensors -> network JSON: the same file, bit for bit. */
    @Test
    void roundTripThroughSafetensorsIsExact() throws IOException {
        Network net = Network.random(8, new int[] {32, 32}, -1, 1, 2026);
        Path json = dir.resolve("net.json"), tensors = dir.resolve("net.safetensors"), back = dir.resolve("back.json");
        net.write(json);
        Network.read(json).write(tensors);
        Network.read(tensors).write(back);
        assertArrayEquals(Files.readAllBytes(json), Files.readAllBytes(back));
    }

    /** What the writer puts in the header: an nn.Sequential's names, shapes and contiguous F64 data. */
    @Test
    void writesTheStateDictOfASequential() throws IOException {
        Network net = Network.random(3, new int[] {4}, -1, 1, 5);
        Path file = dir.resolve("n.safetensors");
        net.write(file);
        byte[] bytes = Files.readAllBytes(file);
        long length = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, length % 8, "header padded to 8 bytes");
        JsonObject header = JsonParser.parseString(new String(bytes, 8, (int) length, StandardCharsets.UTF_8).trim())
                .getAsJsonObject();
        assertEquals("[4,3]", header.getAsJsonObject("0.weight").get("shape").toString());
        assertEquals("[4]", header.getAsJsonObject("0.bias").get("shape").toString());
        assertEquals("[1,4]", header.getAsJsonObject("2.weight").get("shape").toString());
        assertEquals("[0,96]", header.getAsJsonObject("0.weight").get("data_offsets").toString());
        assertEquals(8 + length + 8 * (12 + 4 + 4 + 1), bytes.length);
        double first = ByteBuffer.wrap(bytes, (int) (8 + length), 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
        assertEquals(net.weight(1, 0, 0), first, 0);
    }

    /** Every cut of a file fails with one line naming the file and a byte offset. */
    @Test
    void truncatedFilesAreRejectedWithTheirByteOffset() throws IOException {
        byte[] whole = Files.readAllBytes(resource("sequential-4-5-4-2-1-f64.safetensors"));
        for (int cut = 0; cut < whole.length; cut += 7) {
            Path file = Files.write(dir.resolve("cut.safetensors"), Arrays.copyOf(whole, cut));
            NetworkFormatException e = assertThrows(NetworkFormatException.class, () -> Network.read(file), "cut " + cut);
            assertOneLocatedLine(e, file);
        }
        Path file = Files.write(dir.resolve("cut.safetensors"), Arrays.copyOf(whole, whole.length - 3));
        String message = assertThrows(NetworkFormatException.class, () -> Network.read(file)).getMessage();
        // the data is stored in reverse order: the first tensor of the header is the last in the file
        assertTrue(message.contains("tensor \"0.weight\"") && message.contains("truncated"), message);
    }

    @Test
    void misShapedTensorsNameTheTensor() throws IOException {
        expect("tensor \"0.bias\": shape [3], expected [2]",
                tensor("0.weight", "F64", "[2, 2]", 4), tensor("0.bias", "F64", "[3]", 3),
                tensor("2.weight", "F64", "[1, 2]", 2), tensor("2.bias", "F64", "[1]", 1));
        expect("tensor \"2.weight\": shape [1, 3] takes 3 inputs but the layer before has 2 outputs",
                tensor("0.weight", "F64", "[2, 2]", 4), tensor("0.bias", "F64", "[2]", 2),
                tensor("2.weight", "F64", "[1, 3]", 3), tensor("2.bias", "F64", "[1]", 1));
        expect("tensor \"0.weight\": shape [2, 2, 1], expected [out_features, in_features]",
                tensor("0.weight", "F64", "[2, 2, 1]", 4), tensor("0.bias", "F64", "[2]", 2));
        expect("hold 24 bytes but shape [2, 2] of F64 needs 32",
                tensor("0.weight", "F64", "[2, 2]", 3), tensor("0.bias", "F64", "[2]", 2));
        expect("the output layer has 2 outputs, expected 1",
                tensor("0.weight", "F64", "[2, 2]", 4), tensor("0.bias", "F64", "[2]", 2));
        expect("tensor \"2.bias\" is missing",
                tensor("0.weight", "F64", "[2, 2]", 4), tensor("0.bias", "F64", "[2]", 2),
                tensor("2.weight", "F64", "[1, 2]", 2));
    }

    @Test
    void nonFloatTensorsAreRejected() throws IOException {
        expect("tensor \"0.weight\": dtype I64 is not a supported float type",
                tensor("0.weight", "I64", "[1, 2]", 2), tensor("0.bias", "F64", "[1]", 1));
        expect("tensor \"0.bias\": dtype BF16 is not a supported float type",
                tensor("0.weight", "F64", "[1, 2]", 2), tensor("0.bias", "BF16", "[1]", 1));
    }

    @Test
    void foreignNamesAndHeadersAreRejected() throws IOException {
        expect("tensor \"encoder.attn\": not a Linear parameter of an nn.Sequential",
                tensor("encoder.attn", "F64", "[1, 2]", 2));
        Path file = Files.write(dir.resolve("junk.safetensors"), "{\"layers\": []}".getBytes(StandardCharsets.UTF_8));
        assertOneLocatedLine(assertThrows(NetworkFormatException.class, () -> Network.read(file)), file);
    }

    /** A state_dict saved from a module holding the Sequential (net.0.weight, ...) reads too. */
    @Test
    void aPrefixedStateDictReadsToo() throws IOException {
        Path file = write(tensor("net.0.weight", "F64", "[1, 2]", 2), tensor("net.0.bias", "F64", "[1]", 1));
        Network net = Network.read(file);
        assertEquals(2, net.inputDimension());
        assertEquals(0, net.hiddenLayers());
    }

    /** Random damage to a file (bytes changed, header digits and names edited) reads or fails with a located line. */
    @Test
    void damagedFilesReadOrFailWithALocatedLine() throws IOException {
        byte[] whole = Files.readAllBytes(resource("sequential-4-5-4-2-1-f32.safetensors"));
        java.util.SplittableRandom random = new java.util.SplittableRandom(13);
        Path file = dir.resolve("damaged.safetensors");
        int failures = 0;
        for (int trial = 0; trial < 3000; trial++) {
            byte[] damaged = whole.clone();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(damaged.length);
                // most edits in the length and the header, where the structure is
                if (random.nextBoolean()) at = random.nextInt(Math.min(damaged.length, 400));
                damaged[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) "0123456789[],\"F".charAt(random.nextInt(15));
            }
            Files.write(file, damaged);
            try {
                Network.read(file);
            } catch (NetworkFormatException e) {
                assertOneLocatedLine(e, file);
                failures++;
            }
        }
        assertTrue(failures > 100, "the damage was noticed: " + failures);
    }

    // ------------------------------------------------------------------ fixtures

    /** A tensor of a hand-made file: its header entry and {@code values} doubles of data (1, 2, 3, ...). */
    private record Tensor(String name, String dtype, String shape, int values) {
    }

    private static Tensor tensor(String name, String dtype, String shape, int values) {
        return new Tensor(name, dtype, shape, values);
    }

    private void expect(String fragment, Tensor... tensors) throws IOException {
        Path file = write(tensors);
        NetworkFormatException e = assertThrows(NetworkFormatException.class, () -> Network.read(file));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertOneLocatedLine(e, file);
    }

    private Path write(Tensor... tensors) throws IOException {
        StringBuilder header = new StringBuilder("{");
        long offset = 0;
        for (Tensor t : tensors) {
            int width = t.dtype().equals("F32") ? 4 : t.dtype().equals("BF16") ? 2 : 8;
            if (header.length() > 1) header.append(", ");
            header.append('"').append(t.name()).append("\": {\"dtype\": \"").append(t.dtype()).append("\", \"shape\": ")
                    .append(t.shape()).append(", \"data_offsets\": [").append(offset).append(", ")
                    .append(offset + (long) width * t.values()).append("]}");
            offset += (long) width * t.values();
        }
        byte[] json = header.append('}').toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate((int) (8 + json.length + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json);
        for (int i = 1; out.remaining() >= 8; i++) out.putDouble(i);
        return Files.write(dir.resolve("made.safetensors"), out.array());
    }

    private static void assertOneLocatedLine(NetworkFormatException e, Path file) {
        String message = e.getMessage();
        assertTrue(message.startsWith(file + ": byte "), message);
        assertEquals(1, message.lines().count(), message);
    }

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/safetensors/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }
}

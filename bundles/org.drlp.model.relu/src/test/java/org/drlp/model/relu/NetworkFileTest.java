package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkFileTest {

    @TempDir
    Path dir;

    @Test
    void roundTripIsExact() throws IOException {
        Network net = Network.random(4, new int[] {5, 4, 2}, -1, 1, 3);
        Path file = dir.resolve("sub/net.json");
        net.write(file);
        Network back = Network.read(file);
        assertEquals(net.hiddenLayers(), back.hiddenLayers());
        for (int l = 0; l <= 4; l++) assertEquals(net.width(l), back.width(l));
        for (int l = 1; l <= 4; l++) assertArrayEquals(net.layerParameters(l), back.layerParameters(l), 0);
    }

    @Test
    void readsAHandWrittenFile() throws IOException {
        Network net = Network.read(write("{\"layers\": [{\"weights\": [[1, -1], [2, 0.5]], \"biases\": [0, -1]},"
                + " {\"weights\": [[3, -2]], \"biases\": [0.5]}]}"));
        assertEquals(-3.5, net.evaluate(new double[] {1, 2}), 0);
    }

    @Test
    void shapeErrorsNameLayerAndRow() throws IOException {
        String layer1 = "{\"weights\": [[1,2,3],[1,2,3],[1,2,3],[1,2,3],[1,2,3]], \"biases\": [0,0,0,0,0]}";
        String layer2 = "{\"weights\": [[1,2,3,4,5],[1,2,3,4,5],[1,2,3,4],[1,2,3,4,5]], \"biases\": [0,0,0,0]}";
        String out = "{\"weights\": [[1,1,1,1]], \"biases\": [0]}";
        Path file = write("{\"layers\": [" + layer1 + "," + layer2 + "," + out + "]}");
        assertMessage(file + ": layer 2: weights row 3 has 4 entries, expected 5", file);
    }

    @Test
    void otherContentErrors() throws IOException {
        String okHidden = "{\"weights\": [[1, 2]], \"biases\": [0]}";
        assertContentError(": layer 1: biases has 2 entries, expected 1 (one per weights row)",
                "{\"layers\": [{\"weights\": [[1, 2]], \"biases\": [0, 1]}]}");
        assertContentError(": layer 2: the output layer has 2 rows, expected 1",
                "{\"layers\": [" + okHidden + ", {\"weights\": [[1], [2]], \"biases\": [0, 0]}]}");
        assertContentError(": layer 2: weights row 1 entry 1 is not a number: \"1\"",
                "{\"layers\": [" + okHidden + ", {\"weights\": [[\"1\"]], \"biases\": [0]}]}");
        assertContentError(": layer 1: biases entry 1 is not finite: 1e400",
                "{\"layers\": [{\"weights\": [[1, 2]], \"biases\": [1e400]}]}");
        assertContentError(": layer 1: biases is missing", "{\"layers\": [{\"weights\": [[1, 2]]}]}");
        assertContentError(": layer 1: unknown key \"bias\"; expected \"weights\" and \"biases\"",
                "{\"layers\": [{\"weights\": [[1, 2]], \"bias\": [0]}]}");
        assertContentError(": \"layers\" must be a non-empty array", "{\"layers\": []}");
        assertContentError(": unknown key \"layer\"; expected only \"layers\"", "{\"layer\": []}");
        assertContentError(": expected an object {\"layers\": [...]}", "[1, 2]");
        assertContentError(": layer 1: weights has no rows", "{\"layers\": [{\"weights\": [], \"biases\": []}]}");
        assertContentError(": layer 1: weights row 1 is empty", "{\"layers\": [{\"weights\": [[]], \"biases\": [0]}]}");
    }

    @Test
    void malformedJsonGivesFileLineColumn() throws IOException {
        Path truncated = write("{\"layers\": [\n  {\"weights\": [[1, 2],\n");
        String message = message(truncated);
        assertTrue(message.matches("\\Q" + truncated + "\\E:\\d+:\\d+: malformed JSON: .*"), message);

        Path badToken = write("{\"layers\": [\n  {\"weights\": [[1, 2]], \"biases\": [0 0]}]}");
        assertTrue(message(badToken).startsWith(badToken + ":2:"), message(badToken));

        Path nan = write("{\"layers\": [{\"weights\": [[NaN]], \"biases\": [0]}]}");
        assertTrue(message(nan).startsWith(nan + ":1:"), message(nan));

        Path trailing = write("{\"layers\": [{\"weights\": [[1]], \"biases\": [0]}]}\n{}");
        assertTrue(message(trailing).startsWith(trailing + ":2:"), message(trailing));

        Path empty = write("");
        assertTrue(message(empty).startsWith(empty + ":"), message(empty));
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.json");
        assertMessage(file + ": no such file", file);
    }

    private void assertContentError(String expectedSuffix, String content) throws IOException {
        Path file = write(content);
        assertMessage(file + expectedSuffix, file);
    }

    private static void assertMessage(String expected, Path file) {
        assertEquals(expected, message(file));
    }

    private static String message(Path file) {
        NetworkFormatException e = assertThrows(NetworkFormatException.class, () -> Network.read(file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("http"), e.getMessage());
        return e.getMessage();
    }

    private int counter;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("net" + counter++ + ".json");
        Files.writeString(file, content);
        return file;
    }
}

package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random mutations of a valid network file (bit flips that break UTF-8, JSON's special characters
 * inserted, deleted or replaced, truncations, deep nesting, huge numbers): reading either gives a
 * network of finite weights whose shapes chain from the input to one output, or throws
 * NetworkFormatException with a one-line message naming the file; nothing else ever escapes.
 */
class NetworkFileFuzzTest {

    private static final String VALID = """
            {"layers": [
              {"weights": [[1.5, -2], [0.25, 3e-1], [-1, 0]], "biases": [0, -0.5, 1]},
              {"weights": [[1, -1, 2.5]], "biases": [0.125]}
            ]}
            """;
    private static final byte[] NOISE = "{}[],:\" \n0123456789.-+eENaInfity\\/\u00e9truefalsenull"
            .getBytes(StandardCharsets.UTF_8);
    private static final String[] SPLICES = {"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "1e400", "-1e999", "NaN",
            "\"weights\"", "\"biases\"", "\"layers\"", "{}", "[]", "null", "[[]]", ",", "// x\n", "'a'", "0x10",
            "12345678901234567890123456789", "\uFEFF"};

    private static Path folder;

    @BeforeContainer
    static void createFolder() throws Exception {
        folder = Files.createTempDirectory("network-fuzz");
    }

    @AfterContainer
    static void deleteFolder() throws Exception {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) Files.delete(file);
        }
        Files.delete(folder);
    }

    @Property(tries = 2000, seed = "37")
    void mutatedNetworkFileReadsOrGivesANetworkFormatExceptionNamingTheFile(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int mutations) throws Exception {
        Random random = new Random(seed);
        List<Byte> bytes = new ArrayList<>();
        for (byte b : VALID.getBytes(StandardCharsets.UTF_8)) bytes.add(b);
        for (int k = 0; k < mutations && !bytes.isEmpty(); k++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(6)) {
                case 0 -> bytes.set(at, (byte) (bytes.get(at) ^ (1 << random.nextInt(8))));
                case 1 -> bytes.set(at, NOISE[random.nextInt(NOISE.length)]);
                case 2 -> bytes.add(at, NOISE[random.nextInt(NOISE.length)]);
                case 3 -> bytes.remove(at);
                case 4 -> {
                    byte[] splice = SPLICES[random.nextInt(SPLICES.length)].getBytes(StandardCharsets.UTF_8);
                    for (int i = splice.length - 1; i >= 0; i--) bytes.add(at, splice[i]);
                }
                default -> bytes.subList(at, bytes.size()).clear();
            }
        }
        byte[] content = new byte[bytes.size()];
        for (int i = 0; i < content.length; i++) content[i] = bytes.get(i);
        Path file = Files.write(folder.resolve("network.json"), content);

        try {
            Network network = NetworkFile.read(file);
            int inputs = network.inputDimension();
            assertTrue(inputs >= 1);
            for (int l = 1; l <= network.hiddenLayers() + 1; l++) {
                double[] w = network.weights(l);
                double[] b = network.biases(l);
                assertEquals(b.length * inputs, w.length, "layer " + l + " chains from the one before");
                for (double v : w) assertTrue(Double.isFinite(v));
                for (double v : b) assertTrue(Double.isFinite(v));
                inputs = b.length;
            }
            assertEquals(1, inputs, "one output");
        } catch (NetworkFormatException e) {
            String message = e.getMessage();
            assertTrue(message.startsWith(file.toString()), message);
            assertTrue(!message.contains("\n") && !message.contains("\r"), "one line: " + message);
        }
    }
}

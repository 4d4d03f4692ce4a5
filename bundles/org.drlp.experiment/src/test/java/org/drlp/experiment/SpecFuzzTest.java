package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.drlp.api.SpecException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random mutations of a valid spec (byte flips, insertions and deletions, truncations, and a random
 * JSON value at a random key): validation either counts the runs or throws SpecException with a
 * message naming the file; nothing else ever escapes.
 */
class SpecFuzzTest {

    private static final String VALID = """
            {
              "name": "fuzz",
              "data": {"source": "stackloss", "seed": 3, "rows": 12},
              "model": {"type": "linear", "intercept": true, "features": ["Air.Flow", "Water.Temp"]},
              "loss": {"type": "quantile", "tau": 0.25},
              "solver": {"method": "vertex-walk", "pivot": {"type": "random", "seed": 2}, "lineSearch": "harris",
                         "maxIterations": 1000, "timeLimitSeconds": 10},
              "sweep": {"loss.tau": [0.1, 0.5, 0.9], "solver.pivot": ["dantzig", "bland"]},
              "repeats": 2,
              "trace": false
            }
            """;
    private static final byte[] NOISE = "{}[]\",:0123456789.-+eE \n\tnulltruefalse\\u00e9\uFFFD".getBytes(StandardCharsets.UTF_8);

    private static Path folder;
    private static final TestPlugins PLUGINS = new TestPlugins();

    @BeforeContainer
    static void createFolder() throws Exception {
        folder = Files.createTempDirectory("spec-fuzz");
    }

    @AfterContainer
    static void deleteFolder() throws Exception {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) Files.delete(file);
        }
        Files.delete(folder);
    }

    /** Validates the text; passes when it counts runs or throws SpecException naming the file. */
    private static void validateOnlyThrowsSpecException(byte[] text) throws Exception {
        Path spec = Files.write(folder.resolve("spec.json"), text);
        try {
            int runs = PLUGINS.runner().validate(spec);
            assertTrue(runs >= 1, "a valid spec has runs");
        } catch (SpecException e) {
            assertTrue(e.getMessage() != null && e.getMessage().startsWith(spec.toString()), e.getMessage());
        }
    }

    @Property(tries = 1000, seed = "17")
    void byteMutationsAndTruncationsOnlyEverGiveSpecExceptions(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 8) int mutations) throws Exception {
        Random random = new Random(seed);
        List<Byte> bytes = new ArrayList<>();
        for (byte b : VALID.getBytes(StandardCharsets.UTF_8)) bytes.add(b);
        for (int k = 0; k < mutations && !bytes.isEmpty(); k++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(5)) {
                case 0 -> bytes.set(at, (byte) (bytes.get(at) ^ (1 << random.nextInt(8)))); // bit flip, maybe bad UTF-8
                case 1 -> bytes.set(at, NOISE[random.nextInt(NOISE.length)]);
                case 2 -> bytes.add(at, NOISE[random.nextInt(NOISE.length)]);
                case 3 -> bytes.remove(at);
                default -> bytes.subList(at, bytes.size()).clear(); // truncation
            }
        }
        byte[] text = new byte[bytes.size()];
        for (int i = 0; i < text.length; i++) text[i] = bytes.get(i);
        validateOnlyThrowsSpecException(text);
    }

    @Property(tries = 1000, seed = "23")
    void aRandomJsonValueAtAnyKeyOnlyEverGivesSpecExceptions(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        JsonObject root = JsonParser.parseString(VALID).getAsJsonObject();
        List<JsonObject> parents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        collect(root, parents, keys);
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            int pick = random.nextInt(keys.size());
            parents.get(pick).add(keys.get(pick), randomValue(random, 0));
        }
        validateOnlyThrowsSpecException(root.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void collect(JsonObject object, List<JsonObject> parents, List<String> keys) {
        for (String key : object.keySet()) {
            parents.add(object);
            keys.add(key);
            if (object.get(key).isJsonObject()) collect(object.getAsJsonObject(key), parents, keys);
        }
    }

    private static JsonElement randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 2 ? 7 : 9)) {
            case 0: return JsonNull.INSTANCE;
            case 1: return new JsonPrimitive(random.nextBoolean());
            case 2: return new JsonPrimitive(random.nextInt(7) - 3);
            case 3: return new JsonPrimitive(new java.math.BigDecimal(random.nextBoolean() ? "1e400" : "-9.5e18"));
            case 4: return new JsonPrimitive(random.nextGaussian());
            case 5: return new JsonPrimitive(List.of("", "dantzig", "linear", "quantile", "stackloss", "loss.tau",
                    "solver.pivot", "vertex-walk", "x\u0000y").get(random.nextInt(9)));
            case 6: return new JsonPrimitive(random.nextLong());
            case 7: {
                JsonArray array = new JsonArray();
                for (int i = random.nextInt(4); i > 0; i--) array.add(randomValue(random, depth + 1));
                return array;
            }
            default: {
                JsonObject object = new JsonObject();
                String[] names = {"type", "tau", "pivot", "seed", "loss.tau", "data.rows", "method", "zz"};
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.add(names[random.nextInt(names.length)], randomValue(random, depth + 1));
                }
                return object;
            }
        }
    }
}

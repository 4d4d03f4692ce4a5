package org.drlp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.drlp.api.Parameters;
import org.drlp.spi.DataException;
import org.drlp.spi.Dataset;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random mutations of a valid CSV file (bit flips that break UTF-8, CSV's special characters
 * inserted, deleted or replaced, truncations, a BOM): loading either gives a data set of finite
 * numbers of the right shape or throws DataException with a one-line message naming the file;
 * nothing else ever escapes.
 */
class CsvFuzzTest {

    private static final String VALID = "a,b,\"y\"\n1.5,2,3\n-4,5e1,6\n\n7,\"8\",9\r\n10,11,-1.25E-3\n";
    private static final byte[] NOISE = ",\"\n\r 0123456789.-+eEaNInfy;\t\uFEFF\u00e9".getBytes(StandardCharsets.UTF_8);

    private static Path folder;

    @BeforeContainer
    static void createFolder() throws Exception {
        folder = Files.createTempDirectory("csv-fuzz");
    }

    @AfterContainer
    static void deleteFolder() throws Exception {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) Files.delete(file);
        }
        Files.delete(folder);
    }

    @Property(tries = 2000, seed = "31")
    void mutatedCsvLoadsOrGivesADataExceptionNamingTheFile(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int mutations, @ForAll boolean listFeatures) throws Exception {
        Random random = new Random(seed);
        List<Byte> bytes = new ArrayList<>();
        for (byte b : VALID.getBytes(StandardCharsets.UTF_8)) bytes.add(b);
        for (int k = 0; k < mutations && !bytes.isEmpty(); k++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(5)) {
                case 0 -> bytes.set(at, (byte) (bytes.get(at) ^ (1 << random.nextInt(8))));
                case 1 -> bytes.set(at, NOISE[random.nextInt(NOISE.length)]);
                case 2 -> bytes.add(at, NOISE[random.nextInt(NOISE.length)]);
                case 3 -> bytes.remove(at);
                default -> bytes.subList(at, bytes.size()).clear();
            }
        }
        byte[] content = new byte[bytes.size()];
        for (int i = 0; i < content.length; i++) content[i] = bytes.get(i);
        Path file = Files.write(folder.resolve("data.csv"), content);

        CsvDataSource csv = new CsvDataSource();
        Map<String, Object> given = listFeatures ? Map.of("path", "data.csv", "target", "y", "features", List.of("b", "a"))
                : Map.of("path", "data.csv", "target", "y");
        try {
            Dataset data = csv.load(Parameters.resolve("data \"csv\"", csv.parameters(), given, folder));
            assertTrue(data.rows() >= 1);
            assertEquals(data.rows() * data.columns(), data.features().length);
            for (double v : data.features()) assertTrue(Double.isFinite(v));
            for (double v : data.target()) assertTrue(Double.isFinite(v));
        } catch (DataException e) {
            String message = e.getMessage();
            assertTrue(message.startsWith(file.toString()), message);
            assertTrue(!message.contains("\n") && !message.contains("\r"), "one line: " + message);
        }
    }
}

package org.drlp.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.DataException;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourceContractTest {

    @TempDir
    Path dir;

    /** One number per line, the target; {@code located} decides whether complaints name the place. */
    private static DataSourceProvider lines(boolean located, boolean throwsRuntime) {
        return new DataSourceProvider() {
            @Override
            public String name() {
                return "lines";
            }

            @Override
            public String description() {
                return "one number per line";
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of(ParameterSpec.path("path", null, "the file"));
            }

            @Override
            public Dataset load(Parameters parameters) throws IOException, DataException {
                Path path = parameters.path("path");
                List<String> text = Files.readAllLines(path);
                List<Double> values = new ArrayList<>();
                for (int l = 0; l < text.size(); l++) {
                    try {
                        values.add(Double.parseDouble(text.get(l)));
                    } catch (NumberFormatException e) {
                        if (throwsRuntime) throw e;
                        throw new DataException(located ? path + ":" + (l + 1) + ":1: not a number" : "not a number");
                    }
                }
                double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
                return new Dataset(path.toString(), List.of(), "y", y.length, new double[0], y);
            }
        };
    }

    private Map<String, Object> file(String content) throws IOException {
        Files.writeString(dir.resolve("y.txt"), content);
        return Map.of("path", "y.txt");
    }

    @Test
    void aSourceThatLocatesItsComplaintsPasses() throws IOException {
        DataSourceContract.checkLoads(lines(true, false), file("1\n2\n"), dir);
        DataSourceContract.checkRejects(lines(true, false), file("1\nx\n"), dir, "y.txt", 2, 1);
    }

    @Test
    void aComplaintWithoutThePlaceIsCaught() throws IOException {
        Map<String, Object> bad = file("1\nx\n");
        Broken.caught(() -> DataSourceContract.checkRejects(lines(false, false), bad, dir, "y.txt", 2, 1),
                "the message must name the place y.txt:2:1", "not a number");
    }

    @Test
    void aComplaintAtTheWrongLineIsCaught() throws IOException {
        Map<String, Object> bad = file("1\nx\n");
        Broken.caught(() -> DataSourceContract.checkRejects(lines(true, false), bad, dir, "y.txt", 3, 1),
                "must name the place y.txt:3:1");
    }

    @Test
    void aRuntimeExceptionInsteadOfADataExceptionIsCaught() throws IOException {
        Map<String, Object> bad = file("1\nx\n");
        Broken.caught(() -> DataSourceContract.checkRejects(lines(true, true), bad, dir, "y.txt", 2, 1),
                "must be refused with a DataException, not java.lang.NumberFormatException");
    }

    @Test
    void badInputLoadedWithoutComplaintIsCaught() throws IOException {
        Map<String, Object> good = file("1\n2\n");
        Broken.caught(() -> DataSourceContract.checkRejects(lines(true, false), good, dir, "y.txt", 2, 1),
                "loaded bad input without complaint");
    }
}

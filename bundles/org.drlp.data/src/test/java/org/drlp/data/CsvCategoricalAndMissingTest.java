package org.drlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drlp.api.Parameters;
import org.drlp.spi.CheckContext;
import org.drlp.spi.DataException;
import org.drlp.spi.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text columns, missing values (error or drop), and new data without its target. */
class CsvCategoricalAndMissingTest {

    private static final CsvDataSource CSV = new CsvDataSource();

    @TempDir
    Path folder;

    private Parameters parameters(String content, Object... keyValues) throws IOException {
        Files.writeString(folder.resolve("data.csv"), content, StandardCharsets.UTF_8);
        Map<String, Object> given = new HashMap<>(Map.of("path", "data.csv", "target", "y"));
        for (int i = 0; i < keyValues.length; i += 2) given.put((String) keyValues[i], keyValues[i + 1]);
        return Parameters.resolve("data \"csv\"", CSV.parameters(), given, folder);
    }

    private Dataset load(String content, Object... keyValues) throws IOException, DataException {
        return CSV.load(parameters(content, keyValues));
    }

    private String failure(String content, Object... keyValues) {
        return assertThrows(DataException.class, () -> load(content, keyValues)).getMessage();
    }

    @Test
    void categoricalColumnsAreTextInTheirListedOrderAndNotFeatures() throws Exception {
        Dataset data = load("g,x,h,y\nb,1,Y,10\na,2,X,20\nb,3,X,30\n", "categorical", List.of("h", "g"));
        assertEquals(List.of("x"), data.featureNames());
        assertEquals(List.of("h", "g"), List.copyOf(data.textColumns().keySet()));
        assertEquals(List.of("b", "a", "b"), data.textColumns().get("g"));
        assertEquals(List.of("Y", "X", "X"), data.textColumns().get("h"));
        assertArrayEquals(new double[] {1, 2, 3}, data.features());
        assertEquals(0, data.droppedRows());
        assertEquals(Optional.of(List.of("x")), CSV.featureNames(parameters("g,x,y\na,1,2\n", "categorical", List.of("g"))));
    }

    @Test
    void categoricalMistakesAreNamed() {
        assertTrue(failure("g,y\na,1\n", "categorical", List.of("k")).contains("no column \"k\" for a categorical column"));
        assertTrue(failure("g,y\na,1\n", "categorical", List.of("y")).contains("the target cannot be categorical"));
        assertTrue(failure("g,y\na,1\n", "categorical", List.of("g"), "features", List.of("g"))
                .contains("data.csv:1:1 (g): listed both as a feature and as categorical"));
        // a text value in a column not declared categorical is still a located error
        assertTrue(failure("g,y\na,1\n").contains("data.csv:2:1 (g): not a number: \"a\""));
    }

    @Test
    void theCheckReportsCategoricalProblemsBeforeLoading() throws Exception {
        List<String> problems = new ArrayList<>();
        CSV.check(parameters("g,x,y\na,1,2\n", "categorical", List.of("k", "g"), "features", List.of("g")), new CheckContext() {
            @Override
            public void problem(String parameter, String message) {
                problems.add(parameter + ": " + message);
            }

            @Override
            public Optional<List<String>> featureNames() {
                return Optional.empty();
            }

            @Override
            public Optional<String> model() {
                return Optional.empty();
            }

            @Override
            public Optional<String> method() {
                return Optional.empty();
            }
        });
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("categorical: ") && problems.get(0).contains("no column \"k\""), problems::toString);
        assertTrue(problems.get(1).contains("\"g\" is listed both as a feature and as categorical"), problems::toString);
    }

    @Test
    void missingValuesFailAtTheFirstWithFileLineAndColumnByDefault() {
        assertTrue(failure("a,g,y\n1,u,2\n3,NA,4\n", "categorical", List.of("g"))
                .contains("data.csv:3:2 (g): missing value (missing: \"drop\" drops such rows)"));
        assertTrue(failure("a,y\n1,2\n3,NA\n").contains("data.csv:3:2 (y): missing value"));
        assertTrue(failure("a,y\n1,2\n,4\n", "missing", "error").contains("data.csv:3:1 (a): missing value"));
    }

    @Test
    void dropLeavesOutRowsMissingAUsedValueAndCountsThem() throws Exception {
        Dataset data = load("a,g,unused,y\n1,u,,2\n,v,x,3\n3,NA,x,4\n4,v,x,\n5,u,x,6\n",
                "categorical", List.of("g"), "missing", "drop", "features", List.of("a"));
        assertEquals(2, data.rows());
        assertEquals(3, data.droppedRows());
        assertArrayEquals(new double[] {1, 5}, data.features());
        assertArrayEquals(new double[] {2, 6}, data.target());
        assertEquals(List.of("u", "u"), data.textColumns().get("g"));
        assertTrue(failure("a,y\n,1\nNA,2\n", "missing", "drop").contains("every one of the 2 data rows misses a value"));
    }

    @Test
    void newDataMayLackTheTargetWhenItIsNotRequired() throws Exception {
        Dataset data = load("a\n1\n2\n", "targetRequired", false);
        assertEquals("y", data.targetName());
        assertArrayEquals(new double[] {1, 2}, data.features());
        assertTrue(Double.isNaN(data.target()[0]) && Double.isNaN(data.target()[1]));
        Dataset withTarget = load("a,y\n1,5\n2,NA\n", "targetRequired", false);
        assertEquals(5, withTarget.target()[0]);
        assertTrue(Double.isNaN(withTarget.target()[1]), "a missing target is no target, not an error");
        assertTrue(failure("a\n1\n").contains("no column \"y\" for the target"));
    }
}

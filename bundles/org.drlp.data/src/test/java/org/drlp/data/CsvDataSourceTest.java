package org.drlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drlp.api.ParameterException;
import org.drlp.api.Parameters;
import org.drlp.spi.CheckContext;
import org.drlp.spi.DataException;
import org.drlp.spi.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataSourceTest {

    private static final CsvDataSource CSV = new CsvDataSource();

    @TempDir
    Path folder;

    private Dataset load(String content, Object... keyValues) throws IOException, DataException {
        Files.writeString(folder.resolve("data.csv"), content, StandardCharsets.UTF_8);
        return loadFile("data.csv", keyValues);
    }

    /** Loads with path and target y unless given otherwise, relative paths against the temporary folder. */
    private Dataset loadFile(String path, Object... keyValues) throws IOException, DataException {
        Map<String, Object> given = new HashMap<>(Map.of("path", path, "target", "y"));
        for (int i = 0; i < keyValues.length; i += 2) given.put((String) keyValues[i], keyValues[i + 1]);
        return CSV.load(Parameters.resolve("data \"csv\"", CSV.parameters(), given, folder));
    }

    private String failure(String content, Object... keyValues) {
        return assertThrows(DataException.class, () -> load(content, keyValues)).getMessage();
    }

    @Test
    void aGoodFileLoadsEveryOtherColumnAsAFeatureInFileOrder() throws Exception {
        Dataset data = load("a,y,b\n1,10,2\n3,30,4.5e1\n-5,-50,\"6\"\n");
        assertEquals(List.of("a", "b"), data.featureNames());
        assertEquals("y", data.targetName());
        assertEquals(3, data.rows());
        assertArrayEquals(new double[] {1, 2, 3, 45, -5, 6}, data.features());
        assertArrayEquals(new double[] {10, 30, -50}, data.target());
        assertTrue(data.source().endsWith("data.csv"), data.source());
    }

    @Test
    void listedFeaturesAreTakenInTheirOrderAndOtherColumnsMayHoldText() throws Exception {
        Dataset data = load("id,a,b,y\nfirst,1,2,3\nsecond,4,5,6\n", "features", List.of("b", "a"));
        assertEquals(List.of("b", "a"), data.featureNames());
        assertArrayEquals(new double[] {2, 1, 5, 4}, data.features());
    }

    @Test
    void delimiterQuotesWindowsLineEndsSpacesAndABomAreUnderstood() throws Exception {
        Dataset data = load("\uFEFFa ; \"y\"\r\n 1.5 ;2\r\n\"3\";4", "delimiter", ";");
        assertEquals(List.of("a"), data.featureNames());
        assertArrayEquals(new double[] {1.5, 3}, data.features());
        assertArrayEquals(new double[] {2, 4}, data.target());
    }

    @Test
    void aNonNumberIsNamedByFileLineColumnAndHeader() {
        String content = "Air.Flow,Stack,Water.Temp,y\n1,2,3,4\n\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,abc,4\n";
        assertTrue(failure(content).endsWith("data.csv:7:3 (Water.Temp): not a number: \"abc\""), failure(content));
    }

    @Test
    void blankLinesAndMultiLineQuotedFieldsKeepLineNumbersTrue() {
        String message = failure("a,note,y\n1,\"two\nlines\",3\n\n  \n4,x,oops\n", "features", List.of("a"));
        assertTrue(message.contains("data.csv:6:3 (y): not a number: \"oops\""), message);
    }

    @Test
    void nanInfinityAndOverflowAreRejected() {
        assertTrue(failure("a,y\n1,2\nNaN,3\n").contains("data.csv:3:1 (a): not a finite number: \"NaN\""));
        assertTrue(failure("a,y\n1,-Infinity\n").contains("data.csv:2:2 (y): not a finite number"));
        assertTrue(failure("a,y\n1e400,1\n").contains("data.csv:2:1 (a): not a finite number: \"1e400\""));
    }

    @Test
    void anEmptyFieldIsAMissingValue() {
        String message = failure("a,b,y\n1,2,3\n4,,6\n");
        assertTrue(message.contains("data.csv:3:2 (b): missing value"), message);
    }

    @Test
    void aRaggedRowNamesItsLineAndTheFieldCounts() {
        String message = failure("a,b,y\n1,2,3\n4,5\n");
        assertTrue(message.contains("data.csv:3: expected 3 fields as in the header, found 2"), message);
        assertTrue(failure("a,b,y\n1,2,3,4\n").contains("data.csv:2: expected 3 fields as in the header, found 4"));
    }

    @Test
    void malformedQuotingIsMappedToItsLine() {
        String stray = failure("a,y\n1,2\n3,\"4\"x\n");
        assertTrue(stray.contains("data.csv:3: malformed CSV"), stray);
        String unclosed = failure("a,y\n1,2\n\"3,4\n5,6\n");
        assertTrue(unclosed.contains("data.csv:3: malformed CSV"), unclosed);
    }

    @Test
    void aMissingFileSaysSo() {
        DataException e = assertThrows(DataException.class, () -> loadFile("nowhere.csv"));
        assertTrue(e.getMessage().endsWith("nowhere.csv: no such file"), e.getMessage());
    }

    @Test
    void anEmptyFileAndAHeaderWithoutRowsAreRejected() {
        assertTrue(failure("").contains("data.csv: empty file, expected a header line"), failure(""));
        assertTrue(failure("\n\n").contains("empty file"));
        String headerOnly = failure("a,y\n");
        assertTrue(headerOnly.contains("data.csv:1: a header line but no data rows"), headerOnly);
    }

    @Test
    void duplicateOrEmptyColumnNamesAreRejected() {
        String duplicate = failure("a,y,a\n1,2,3\n");
        assertTrue(duplicate.contains("data.csv:1:3 (a): duplicate column name, also column 1"), duplicate);
        String empty = failure("a,,y\n1,2,3\n");
        assertTrue(empty.contains("data.csv:1:2 (): empty column name"), empty);
    }

    @Test
    void unknownTargetOrFeatureListsTheColumns() {
        String target = failure("a,b\n1,2\n");
        assertTrue(target.contains("data.csv:1: no column \"y\" for the target; the columns are a, b"), target);
        String feature = failure("a,b,y\n1,2,3\n", "features", List.of("a", "c"));
        assertTrue(feature.contains("data.csv:1: no column \"c\" for a feature; the columns are a, b, y"), feature);
    }

    @Test
    void theTargetCannotBeAFeatureNorAFeatureListedTwice() {
        String target = failure("a,y\n1,2\n", "features", List.of("a", "y"));
        assertTrue(target.contains("data.csv:1:2 (y): the target cannot also be a feature"), target);
        String twice = failure("a,y\n1,2\n", "features", List.of("a", "a"));
        assertTrue(twice.contains("data.csv:1:1 (a): listed twice as a feature"), twice);
    }

    @Test
    void badBytesAreReportedAsNotUtf8() throws Exception {
        Files.write(folder.resolve("latin1.csv"), "a,y\n1,2\n\u00e9,3\n".getBytes(StandardCharsets.ISO_8859_1));
        DataException e = assertThrows(DataException.class, () -> loadFile("latin1.csv"));
        assertTrue(e.getMessage().contains("latin1.csv:") && e.getMessage().contains("not UTF-8 text"), e.getMessage());
    }

    @Test
    void aDelimiterMustBeOneOrdinaryCharacter() {
        for (String delimiter : new String[] {"", ";;", "\""}) {
            ParameterException e = assertThrows(ParameterException.class, () -> load("a,y\n1,2\n", "delimiter", delimiter));
            assertTrue(e.getMessage().contains("data \"csv\": parameter \"delimiter\""), e.getMessage());
        }
    }

    @Test
    void pathIsRequired() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> Parameters.resolve("data \"csv\"", CSV.parameters(), Map.of("target", "y"), folder));
        assertTrue(e.getMessage().contains("missing required parameter \"path\""), e.getMessage());
    }

    /** Without a target the last column is predicted from the others, as if it had been named. */
    @Test
    void theTargetDefaultsToTheLastColumn() throws Exception {
        Files.writeString(folder.resolve("data.csv"), "a,b,z\n1,2,3\n4,5,6\n", StandardCharsets.UTF_8);
        Parameters parameters = Parameters.resolve("data \"csv\"", CSV.parameters(), Map.of("path", "data.csv"), folder);
        Dataset data = CSV.load(parameters);
        assertEquals("z", data.targetName());
        assertEquals(List.of("a", "b"), data.featureNames());
        assertArrayEquals(new double[] {3, 6}, data.target());
        assertArrayEquals(new double[] {1, 2, 4, 5}, data.features());
        assertEquals(List.of("a", "b"), CSV.featureNames(parameters).orElseThrow());
    }

    /** The example data set shipped with the workbench, R's stackloss (Brownlee 1965). */
    @Test
    void stackLossExampleLoads() throws Exception {
        Dataset data = CSV.load(Parameters.resolve("data \"csv\"", CSV.parameters(),
                Map.of("path", "../../examples/data/stackloss.csv", "target", "stack.loss"), Path.of("")));
        assertEquals(21, data.rows());
        assertEquals(List.of("Air.Flow", "Water.Temp", "Acid.Conc."), data.featureNames());
        assertArrayEquals(new double[] {80, 27, 89}, new double[] {data.feature(0, 0), data.feature(0, 1), data.feature(0, 2)});
        assertArrayEquals(new double[] {70, 20, 91}, new double[] {data.feature(20, 0), data.feature(20, 1), data.feature(20, 2)});
        assertEquals(368, java.util.Arrays.stream(data.target()).sum());
    }

    @Test
    void onlyDecimalNumbersAreNumbers() throws Exception {
        for (String cell : new String[] {"5f", "1d", "2D", "3F", "0x1p3", "0x10", "1e", "e5", ".", "+", "1.2.3", "1e+",
                "--1", "1,5", "\u0661"}) {
            String message = failure("a,y\n1,2\n" + (cell.contains(",") ? "\"" + cell + "\"" : cell) + ",3\n");
            assertTrue(message.endsWith("data.csv:3:1 (a): not a number: \"" + cell + "\""), message);
        }
        String[] decimals = {"5", "-5", "+5", "1.", ".5", "-.5", "1e5", "1E-5", "2.5e+3", "007", "1e400"};
        for (String cell : decimals) {
            if (cell.equals("1e400")) {
                assertTrue(failure("a,y\n" + cell + ",3\n").endsWith("not a finite number: \"1e400\""));
            } else {
                assertEquals(Double.parseDouble(cell), load("a,y\n" + cell + ",3\n").feature(0, 0), 0, cell);
            }
        }
    }

    private static final class Recorded implements CheckContext {
        final List<String> problems = new java.util.ArrayList<>();

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
            return Optional.of("linear");
        }

        @Override
        public Optional<String> method() {
            return Optional.of("vertex-walk");
        }
    }

    private List<String> check(Object... keyValues) {
        Map<String, Object> given = new HashMap<>(Map.of("path", "data.csv", "target", "y"));
        for (int i = 0; i < keyValues.length; i += 2) given.put((String) keyValues[i], keyValues[i + 1]);
        Recorded context = new Recorded();
        CSV.check(Parameters.resolve("data \"csv\"", CSV.parameters(), given, folder), context);
        return context.problems;
    }

    @Test
    void theCheckReadsOnlyTheHeaderAndReportsEachProblemWithItsParameter() throws Exception {
        // the rows are bad; only a load finds that
        Files.writeString(folder.resolve("data.csv"), "a,b,y\n1,x\n", StandardCharsets.UTF_8);
        assertEquals(List.of(), check());
        assertEquals(Optional.of(List.of("a", "b")), CSV.featureNames(Parameters.resolve("data \"csv\"",
                CSV.parameters(), Map.of("path", "data.csv", "target", "y"), folder)));
        String file = folder.resolve("data.csv").toString();
        assertEquals(List.of("target: " + file + ":1: no column \"z\" for the target; the columns are a, b, y",
                        "features: " + file + ":1: no column \"c\" for a feature; the columns are a, b, y",
                        "features: " + file + ":1:1 (a): listed twice as a feature"),
                check("target", "z", "features", List.of("a", "c", "a")));
        assertEquals(List.of("delimiter: parameter \"delimiter\" = \";;\" must be one character other than a double "
                + "quote or a line break"), check("delimiter", ";;"));
        assertEquals(List.of("path: " + folder.resolve("none.csv") + ": no such file"), check("path", "none.csv"));
    }
}

package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.drlp.spi.PluginRole;
import org.drlp.api.RunListener;
import org.drlp.api.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem of a spec is named with its file, line, column and path, all at once, before anything runs. */
class SpecErrorsTest {

    @TempDir
    Path directory;

    private final TestPlugins plugins = new TestPlugins();

    private String problems(String text) {
        Path spec = Specs.write(directory, "spec.json", text);
        return assertThrows(SpecException.class, () -> plugins.runner().validate(spec)).getMessage();
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() {
        String message = problems("""
                {
                  "data": {"source": "stackloss"}
                  "model": {"type": "linear"}
                }
                """);
        assertEquals(directory.resolve("spec.json") + ":3:4: Unterminated object", message);
    }

    @Test
    void trailingCommaAndEndOfFileAreSyntaxErrors() {
        assertTrue(problems("{\n  \"data\": {\"source\": \"stackloss\"},\n}\n").contains("spec.json:3:2: "));
        assertTrue(problems("{\n  \"data\": {\"source\": \"stackloss\"\n").contains("spec.json:3:1: unexpected end of file"));
    }

    @Test
    void aByteThatIsNotUtf8IsNamedWithItsLineAndColumn() throws Exception {
        Path spec = directory.resolve("latin1.json");
        // "café" in ISO-8859-1 on line 2: 0xE9 after "caf" at column 13
        Files.write(spec, "{\n  \"name\": \"caf\u00e9\"\n}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        String message = assertThrows(SpecException.class, () -> plugins.runner().validate(spec)).getMessage();

        assertEquals(spec + ":2:15: not UTF-8 text: byte 0xE9 (at byte offset 16) is not valid UTF-8; "
                + "save the file as UTF-8", message);
    }

    @Test
    void utf16IsRecognisedAndAUtf8ByteOrderMarkIsIgnored() throws Exception {
        Path utf16 = directory.resolve("utf16.json");
        Files.write(utf16, "{\"name\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16));
        assertTrue(assertThrows(SpecException.class, () -> plugins.runner().validate(utf16)).getMessage()
                .startsWith(utf16 + ":1:1: not UTF-8 text: the file is UTF-16"));

        Path bom = Specs.write(directory, "bom.json", "\uFEFF{\"data\": {\"source\": \"stackloss\"}, "
                + "\"model\": {\"type\": \"linear\"}, \"loss\": {\"type\": \"absolute\"}}");
        assertDoesNotThrow(() -> plugins.runner().validate(bom));
    }

    @Test
    void aFolderOrAMissingFileIsSaidSo() throws Exception {
        Path folder = Files.createDirectory(directory.resolve("folder.json"));
        assertEquals(folder + ": cannot read: is a folder, not a spec file",
                assertThrows(SpecException.class, () -> plugins.runner().validate(folder)).getMessage());
        Path missing = directory.resolve("missing.json");
        assertEquals(missing + ": no such file",
                assertThrows(SpecException.class, () -> plugins.runner().validate(missing)).getMessage());
    }

    @Test
    void duplicateKeyIsRejected() {
        String message = problems("{\"trace\": true, \"trace\": false}");
        assertTrue(message.contains("spec.json:1:"), message);
        assertTrue(message.endsWith("duplicate key \"trace\""), message);
    }

    @Test
    void unknownTopLevelKeyListsTheAllowedOnes() {
        String message = problems("""
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "absolute"},
                  "colour": "blue"
                }
                """);
        assertTrue(message.endsWith("spec.json:5:13 (colour): unknown key \"colour\"; allowed: name, description, "
                + "data, model, loss, solver, sweep, repeats, trace, overlay, warmStart"), message);
    }

    @Test
    void unknownPluginListsTheAvailableNamesOfItsRole() {
        String message = problems("""
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "absolute"},
                  "solver": {"pivot": "foo"}
                }
                """);
        assertTrue(message.endsWith("spec.json:5:23 (solver.pivot): unknown pivot rule \"foo\"; "
                + "available: bland, dantzig, random"), message);
    }

    @Test
    void unknownParameterWrongTypeAndOutOfRangeNameThePathAndLine() {
        String unknown = problems("""
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear", "slope": 2},
                  "loss": {"type": "absolute"}
                }
                """);
        assertTrue(unknown.endsWith("spec.json:3:40 (model.slope): model \"linear\": unknown parameter \"slope\"; "
                + "known: intercept, features, weights, interactions, reference, fitted, inference, level, rankIid, "
                + "bootstrapReplicates, bootstrapMethod, bootstrapSeed"), unknown);

        String wrongType = problems("""
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear", "intercept": "yes"},
                  "loss": {"type": "absolute"}
                }
                """);
        assertTrue(wrongType.endsWith("spec.json:3:44 (model.intercept): model \"linear\": parameter \"intercept\" "
                + "= \"yes\" is not a boolean (true or false)"), wrongType);

        String outOfRange = problems("""
                {
                  "data": {"source": "stackloss"},
                  "model": {"type": "linear"},
                  "loss": {"type": "quantile",
                           "tau": 1.5}
                }
                """);
        assertTrue(outOfRange.endsWith("spec.json:5:19 (loss.tau): loss \"quantile\": parameter \"tau\" = 1.5 "
                + "is out of range; allowed (0, 1)"), outOfRange);
    }

    @Test
    void integerParameterRejectsAFraction() {
        String message = problems("""
                {"data": {"source": "stackloss", "rows": 7.5}, "model": {"type": "linear"}, "loss": {"type": "absolute"}}
                """);
        assertTrue(message.endsWith("spec.json:1:42 (data.rows): data source \"stackloss\": parameter \"rows\" = 7.5 "
                + "is not an integer; allowed integers [5, 21]"), message);
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        String message = problems("""
                {
                  "colour": "blue",
                  "repeats": 0,
                  "data": {"source": "stackloss", "rows": 3},
                  "model": {"type": "linear", "intercept": 1},
                  "loss": {"type": "huber"},
                  "solver": {"method": "vertex-walk", "maxIterations": -1}
                }
                """);
        String file = directory.resolve("spec.json").toString();
        assertEquals(String.join("\n",
                file + ": 6 problems",
                file + ":2:13 (colour): unknown key \"colour\"; allowed: name, description, data, model, loss, "
                        + "solver, sweep, repeats, trace, overlay, warmStart",
                file + ":3:14 (repeats): \"repeats\" must be an integer >= 1",
                file + ":4:43 (data.rows): data source \"stackloss\": parameter \"rows\" = 3 is out of range; "
                        + "allowed [5, 21]",
                file + ":5:44 (model.intercept): model \"linear\": parameter \"intercept\" = 1 is not a boolean "
                        + "(true or false)",
                file + ":6:20 (loss.type): unknown loss \"huber\"; available: absolute, quantile",
                file + ":7:56 (solver.maxIterations): solver method \"vertex-walk\": parameter \"maxIterations\" = -1 "
                        + "is out of range; allowed >= 0"), message);
    }

    @Test
    void missingSectionsAndRequiredSelectorsAreNamed() {
        String message = problems("""
                {
                  "data": {"rows": 10},
                  "model": {"type": "linear"}
                }
                """);
        assertTrue(message.contains("spec.json:1:1 (loss): missing section \"loss\""), message);
        assertTrue(message.contains("spec.json:2:11 (data): missing \"source\", the data source to use; "
                + "available: broken, stackloss"), message);
    }

    @Test
    void invalidSpecRunsNothingAndCreatesNoOutputFolder() {
        Path spec = Specs.write(directory, "spec.json", """
                {"data": {"source": "stackloss"}, "model": {"type": "linear"}, "loss": {"type": "nope"}}
                """);
        Path output = directory.resolve("out");
        assertThrows(SpecException.class, () -> plugins.runner().run(spec, output, RunListener.NONE));
        assertFalse(Files.exists(output));
        assertEquals(0, plugins.data.loads.get());
    }

    @Test
    void validateLoadsNoData() throws Exception {
        Path spec = Specs.write(directory, "spec.json", """
                {"data": {"source": "stackloss"}, "model": {"type": "linear"}, "loss": {"type": "absolute"}}
                """);
        assertEquals(1, plugins.runner().validate(spec));
        assertEquals(0, plugins.data.loads.get());
    }

    @Test
    void pivotForAMethodWithoutPivotRuleIsAnError() {
        plugins.registry.add(PluginRole.METHOD, new TestPlugins.GradientFree(), plugins.reference("test.method"));
        String message = problems("""
                {"data": {"source": "stackloss"}, "model": {"type": "linear"}, "loss": {"type": "absolute"},
                 "solver": {"method": "none", "pivot": "dantzig"}}
                """);
        // the generic rule for any undeclared parameter: a method without a pivot parameter has none
        assertTrue(message.endsWith("spec.json:2:40 (solver.pivot): solver method \"none\": unknown parameter "
                + "\"pivot\"; known: (none)"), message);
    }
}

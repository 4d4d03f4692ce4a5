package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.drlp.api.RunListener;
import org.drlp.api.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A sweep axis given as {"files": pattern}: the matching files of a folder, sorted, named as the spec names them. */
class SweepFilesTest {

    @TempDir
    Path directory;

    private static final String TABLE = "a,b,y\n1,2,3\n2,1,4\n3,3,7\n4,0,3\n5,5,11\n";

    private Path specWithAxis(String axis) {
        return Specs.write(directory, "spec.json", """
                {
                  "data": {"source": "csv"},
                  "model": {"type": "linear"},
                  "loss": {"type": "absolute"},
                  "sweep": {"data.path": %s},
                  "trace": false
                }
                """.formatted(axis));
    }

    private void table(String relative) throws IOException {
        Path file = directory.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, TABLE);
    }

    private List<String> expanded(Path spec) throws SpecException {
        SpecDocument document = SpecJsonReader.read(spec);
        SpecProblems problems = new SpecProblems(document);
        ExperimentSpec parsed = ExperimentSpec.parse(document, problems);
        problems.throwIfAny();
        List<String> values = new ArrayList<>();
        for (JsonElement value : parsed.sweep().get(0).values().get(0)) values.add(value.getAsString());
        return values;
    }

    private String problem(Path spec) {
        return assertThrows(SpecException.class, () -> ShippedPlugins.runner().validate(spec)).getMessage();
    }

    @Test
    void theMatchingFilesSortedByNameRelativeToTheSpecsFolder() throws Exception {
        for (String name : List.of("tables/b.csv", "tables/a10.csv", "tables/a2.csv", "tables/notes.txt",
                "tables/sub/c.csv")) {
            table(name);
        }
        Files.createDirectories(directory.resolve("tables/folder.csv"));
        Path spec = specWithAxis("{\"files\": \"tables/*.csv\"}");
        assertEquals(List.of("tables/a10.csv", "tables/a2.csv", "tables/b.csv"), expanded(spec),
                "files only (not a folder named *.csv, nor a sub-folder's), by name");
        assertEquals(3, ShippedPlugins.runner().validate(spec));
        assertEquals(List.of("tables/a10.csv", "tables/a2.csv"), expanded(specWithAxis("{\"files\": \"tables/a?*.csv\"}")));
        assertEquals(List.of("tables/a2.csv", "tables/b.csv"),
                expanded(specWithAxis("{\"files\": \"tables/{b,a2}.csv\"}")));
    }

    @Test
    void aPatternWithoutAFolderIsTheSpecsOwnFolderAndDotDotWorks() throws Exception {
        table("x.csv");
        table("inner/y.csv");
        assertEquals(List.of("x.csv"), expanded(specWithAxis("{\"files\": \"*.csv\"}")));
        Path inner = Specs.write(directory.resolve("inner"), "spec.json", Files.readString(specWithAxis(
                "{\"files\": \"../*.csv\"}")));
        assertEquals(List.of("../x.csv"), expanded(inner));
    }

    /** The run resolves each path against the spec's folder, records it as written, and the spec copy names the files. */
    @Test
    void eachFileIsARunAndTheSpecCopyListsTheFiles() throws Exception {
        table("tables/one.csv");
        table("tables/two.csv");
        Path output = directory.resolve("out");
        ShippedPlugins.runner().run(specWithAxis("{\"files\": \"tables/*.csv\"}"), output, RunListener.NONE);
        JsonArray runs = Specs.results(output).getAsJsonArray("runs");
        assertEquals(2, runs.size());
        assertEquals("tables/one.csv", runs.get(0).getAsJsonObject().getAsJsonObject("sweep").get("data.path").getAsString());
        assertEquals("000 data.path=tables/one.csv", runs.get(0).getAsJsonObject().get("label").getAsString());
        assertEquals("OPTIMAL", runs.get(1).getAsJsonObject().get("status").getAsString());
        JsonObject copy = JsonParser.parseString(Files.readString(output.resolve("spec.json"))).getAsJsonObject();
        JsonArray files = copy.getAsJsonObject("sweep").getAsJsonArray("data.path");
        assertEquals(directory.resolve("tables/one.csv").toString(), files.get(0).getAsString());
        assertEquals(directory.resolve("tables/two.csv").toString(), files.get(1).getAsString());
    }

    /** The axis is dropped, so "path" is reported missing too, after the pattern's problem. */
    @Test
    void noMatchIsAProblemAtThePattern() throws Exception {
        table("tables/a.csv");
        String message = problem(specWithAxis("{\"files\": \"tables/*.mps\"}"));
        assertTrue(message.contains(directory.resolve("spec.json") + ":5:36 (sweep.data.path.files): no file matches "
                + "tables/*.mps in " + directory.resolve("tables") + "\n"), message);
        assertTrue(message.contains("(data): data source \"csv\": missing required parameter \"path\""), message);
    }

    @Test
    void aBadPatternIsAProblemAtThePattern() {
        String message = problem(specWithAxis("{\"files\": \"tables/[ab.csv\"}"));
        assertTrue(message.contains(directory.resolve("spec.json") + ":5:36 (sweep.data.path.files): "
                + "\"tables/[ab.csv\" is not a valid pattern: missing ']'\n"), message);
    }

    @Test
    void wildcardsInTheFolderAMissingFolderAndOtherShapesAreProblems() throws Exception {
        table("tables/a.csv");
        assertTrue(problem(specWithAxis("{\"files\": \"*/a.csv\"}")).contains("(sweep.data.path.files): \"*/a.csv\": "
                + "wildcards may stand only in the file name, not in the folder \"*/\"\n"));
        assertTrue(problem(specWithAxis("{\"files\": \"nothere/*.csv\"}")).contains("(sweep.data.path.files): no folder "
                + directory.resolve("nothere") + " (for \"nothere/*.csv\")\n"));
        assertTrue(problem(specWithAxis("{\"files\": \"tables/\"}")).contains("\"tables/\" names a folder; "
                + "add a file name pattern such as \"*.csv\"\n"));
        assertTrue(problem(specWithAxis("{\"files\": 3}")).contains(":5:36 (sweep.data.path.files): a file axis needs"));
        assertTrue(problem(specWithAxis("{}")).contains(":5:26 (sweep.data.path): a file axis needs \"files\""));
        assertTrue(problem(specWithAxis("{\"glob\": \"*.csv\"}")).contains(
                ":5:35 (sweep.data.path.glob): unknown key \"glob\" in a file axis"));
    }
}

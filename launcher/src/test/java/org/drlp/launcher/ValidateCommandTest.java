package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} on a real Felix refuses, before running, what a run would fail on; a good example passes. */
class ValidateCommandTest extends ConsoleCapture {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path temp;

    @Test
    void filesColumnsLayersIntegersAndModelMethodPairsAreCheckedBeforeRunning() throws IOException {
        Files.writeString(temp.resolve("good.csv"), "x1,x2,y\n1,0,1\n2,1,1\n3,0,2\n");
        Path network = EXAMPLES.resolve("networks/paper-4-5-4-2-1.json").toAbsolutePath().normalize();
        Path spec = temp.resolve("bad.json");
        Files.writeString(spec, "{\n"
                + "  \"data\": {\"source\": \"csv\", \"path\": \"good.csv\", \"target\": \"yy\"},\n"
                + "  \"model\": {\"type\": \"relu-layer\", \"network\": \"" + network + "\", \"layer\": 9},\n"
                + "  \"loss\": {\"type\": \"absolute\"},\n"
                + "  \"sweep\": {\"data.path\": [\"good.csv\", \"missing.csv\"], \"solver.method\": [\"vertex-walk\", "
                + "\"block-coordinate\"]}\n"
                + "}\n");

        assertEquals(Main.ERROR, drlp("validate", spec.toString()), err::toString);

        String folder = temp.toAbsolutePath().normalize().toString();
        String problems = err.toString();
        assertTrue(problems.startsWith(spec + ": 4 problems"), problems);
        assertTrue(problems.contains(spec + ":2:59 (data.target): data source \"csv\": " + folder + "/good.csv:1: no column "
                + "\"yy\" for the target; the columns are x1, x2, y"), problems);
        assertTrue(problems.contains("(model.layer): model \"relu-layer\": layer 9 does not exist; the network " + network
                + " has layers 1..4 (4 is the output layer)"), problems);
        assertTrue(problems.contains(spec + ":5:39 (sweep.data.path[1]): data source \"csv\": " + folder
                + "/missing.csv: no such file"), problems);
        assertTrue(problems.contains("(sweep.solver.method[1]): solver method \"block-coordinate\" does not work on a "
                + "ReLU program, which model \"relu-layer\" builds; it works on a layer-by-layer problem"), problems);
    }

    @Test
    void aShippedExampleWithANetworkValidates() {
        Path spec = EXAMPLES.resolve("relu/first-layer.json");

        assertEquals(Main.OK, drlp("validate", spec.toString()), err::toString);

        assertEquals(spec + ": valid, 1 run", out.toString().strip());
    }
}

package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --overwrite}: a second run into a folder with results is refused without it, and replaces them with it. */
class OverwriteOptionTest extends ConsoleCapture {

    @TempDir
    Path temp;

    @Test
    void earlierResultsAreRefusedWithoutOverwriteAndReplacedWithIt() throws IOException {
        String spec = Path.of("..", "examples", "stackloss", "median.json").toString();
        Path results = temp.resolve("median");
        assertEquals(Main.OK, drlp("run", spec, "--out", results.toString(), "--quiet"), err::toString);
        String first = Files.readString(results.resolve("results.json"));

        assertEquals(Main.ERROR, drlp("run", spec, "--out", results.toString(), "--quiet"));
        assertTrue(err.toString().contains(results + " holds an earlier experiment's results (results.json, "
                + "summary.csv, coefficients.csv, spec.json, runs/"), err::toString);
        assertEquals(first, Files.readString(results.resolve("results.json")), "refused: nothing touched");

        assertEquals(Main.OK, drlp("run", spec, "--out", results.toString(), "--quiet", "--overwrite"), err::toString);
        assertTrue(!first.equals(Files.readString(results.resolve("results.json"))), "a new start time at least");
    }
}

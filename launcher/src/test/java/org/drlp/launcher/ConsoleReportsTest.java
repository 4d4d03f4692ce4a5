package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the console says about bad input and failed runs: every reason on the console, with a fitting exit status. */
class ConsoleReportsTest extends ConsoleCapture {

    private static final Path STACKLOSS = Path.of("..", "examples", "data", "stackloss.csv").toAbsolutePath().normalize();
    private static final Path MEDIAN = Path.of("..", "examples", "stackloss", "median.json");

    @TempDir
    Path temp;

    @Test
    void aBadDataCellIsShownUnderItsRowAndInTheEndTableAndTheExitSaysRunsFailed() throws IOException {
        List<String> lines = Files.readAllLines(STACKLOSS);
        String[] fifth = lines.get(4).split(",");
        fifth[3] = "abc";
        lines.set(4, String.join(",", fifth));
        Path csv = Files.write(temp.resolve("bad.csv"), lines);
        Path spec = Files.writeString(temp.resolve("bad.json"), """
                {"name": "bad-cell", "data": {"source": "csv", "path": "bad.csv", "target": "stack.loss"},
                 "model": {"type": "linear"}, "loss": {"type": "quantile", "tau": 0.5}, "sweep": {"loss.tau": [0.25, 0.5]}}
                """);

        assertEquals(Main.RUNS_FAILED, drlp("run", spec.toString(), "--out", temp.resolve("out").toString()));

        // line 5 of the file, the 4th field (the CSV source counts columns in fields)
        String reason = csv + ":5:4 (stack.loss): not a number: \"abc\"";
        List<String> console = out.toString().lines().toList();
        int row = indexOf(console, "[1/2] 000 loss.tau=0.25 ");
        assertTrue(row >= 0 && console.get(row).contains("FAILED") && console.get(row + 1).startsWith("      ")
                && console.get(row + 1).endsWith(reason), out::toString);
        assertTrue(console.contains("bad-cell: 2 runs: 2 FAILED"), out::toString);
        assertTrue(console.stream().anyMatch(line -> line.matches("  001 loss\\.tau=0\\.5 +FAILED +NaN +0 +\\d+\\.\\d{3}")),
                out::toString);
        int why = console.indexOf("not certified, and why:");
        assertTrue(why >= 0 && console.get(why + 2).startsWith("  001 loss.tau=0.5   FAILED: ")
                && console.get(why + 2).endsWith(reason), out::toString);
        assertTrue(console.get(console.size() - 1).startsWith("bad-cell: 2 runs, 2 failed; results in "), out::toString);
        assertTrue(err.toString().contains("drlp.log (--debug prints them here)"), err::toString);
    }

    @Test
    void debugPrintsTheStackTracesTheRunAddedToTheLog() throws IOException {
        Files.writeString(temp.resolve("bad.csv"), "x,y\n1,2\n2,5f\n3,4\n");
        Path spec = Files.writeString(temp.resolve("bad.json"),
                "{\"data\": {\"source\": \"csv\", \"path\": \"bad.csv\", \"target\": \"y\"},"
                        + " \"model\": {\"type\": \"linear\"}, \"loss\": {\"type\": \"absolute\"}}");

        assertEquals(Main.RUNS_FAILED, drlp("run", spec.toString(), "--out", temp.resolve("out").toString(), "--debug"));

        String console = out.toString() + err.toString();
        assertTrue(console.contains("drlp: debug: " + temp.resolve("out").resolve("drlp.log")), console);
        assertTrue(console.contains("org.drlp.spi.DataException: " + temp.resolve("bad.csv") + ":3:2 (y): not a number: \"5f\""),
                console);
        assertTrue(console.contains("\tat org.drlp.data.CsvLoader."), console);
    }

    @Test
    void anUnboundedRunIsAFailureForTheExitStatus() throws IOException {
        // f(x) = x1 - 2 x2 + 0.5: affine, so unbounded below along +x2
        Files.writeString(temp.resolve("affine.json"), "{\"layers\": [{\"weights\": [[1.0, -2.0]], \"biases\": [0.5]}]}");
        Path spec = Files.writeString(temp.resolve("unbounded.json"),
                "{\"name\": \"unbounded\", \"model\": {\"type\": \"relu-argmin\", \"network\": \"affine.json\"}}");

        assertEquals(Main.RUNS_FAILED, drlp("run", spec.toString(), "--out", temp.resolve("out").toString()));

        assertTrue(out.toString().contains("unbounded: 1 run: 1 UNBOUNDED"), out::toString);
        assertTrue(out.toString().contains("unbounded: 1 run, 1 failed;"), out::toString);
    }

    @Test
    void aMistypedOptionIsNamedWithTheCloseMatchNotReportedAsAMissingOne() {
        assertEquals(Main.USAGE, drlp("run", MEDIAN.toString(), "--outt", temp.resolve("out").toString()));

        assertTrue(err.toString().contains("Unknown option"), err::toString);
        assertTrue(err.toString().contains("'--outt'"), err::toString);
        assertTrue(err.toString().contains("Possible solutions: --out"), err::toString);
        assertFalse(err.toString().contains("Missing required option"), err::toString);
    }

    @Test
    void aSpecThatIsNotUtf8NamesTheLineAndColumnOfTheBadByte() throws IOException {
        Path spec = Files.write(temp.resolve("latin1.json"),
                "{\n  \"name\": \"caf\u00e9\"\n}\n".getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(Main.ERROR, drlp("validate", spec.toString()));

        assertTrue(err.toString().startsWith(spec + ":2:15: not UTF-8 text: byte 0xE9"), err::toString);
    }

    @Test
    void anUnreadableSpecSaysWhy() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("spec.json"));
        assertEquals(Main.ERROR, drlp("validate", folder.toString()));
        assertTrue(err.toString().contains(folder + ": cannot read: is a folder, not a spec file"), err::toString);

        assertEquals(Main.ERROR, drlp("run", temp.resolve("nowhere.json").toString(), "--out", temp.resolve("o").toString()));
        assertTrue(err.toString().contains(temp.resolve("nowhere.json") + ": no such file"), err::toString);
    }

    @Test
    void debugPrintsTheStackTraceOfAnOutputFolderThatCannotBeWritten() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "not a folder");

        assertEquals(Main.ERROR, drlp("run", MEDIAN.toString(), "--out", file.toString()));
        assertTrue(err.toString().contains("drlp: cannot write results to " + file + ": "), err::toString);
        assertFalse(err.toString().contains("\tat "), err::toString);

        err.getBuffer().setLength(0);
        assertEquals(Main.ERROR, drlp("run", MEDIAN.toString(), "--out", file.toString(), "--debug"));
        assertTrue(err.toString().contains("drlp: cannot write results to " + file + ": "), err::toString);
        assertTrue(err.toString().contains("\tat "), err::toString);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}

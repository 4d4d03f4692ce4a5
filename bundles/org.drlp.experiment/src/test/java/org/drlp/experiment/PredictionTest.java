package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.drlp.api.RunListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ExperimentService.predict} through the service, with the shipped plugins: its answers and its refusals. */
class PredictionTest {

    @TempDir
    Path directory;

    private final ExperimentRunner runner = ShippedPlugins.runner();

    /** y = 1 + 2x exactly, and a group g shifting it by 10 at level b: an exact fit. */
    private Path fitted() throws Exception {
        Path csv = Files.writeString(directory.resolve("train.csv"),
                "x,g,y\n0,a,1\n1,a,3\n2,b,15\n3,b,17\n4,a,9\n5,b,21\n");
        Path spec = Specs.write(directory, "spec.json", """
                {"name": "exact", "data": {"source": "csv", "path": "train.csv", "categorical": ["g"]},
                 "model": {"type": "linear"}, "loss": {"type": "absolute"}, "trace": false,
                 "sweep": {"loss.type": ["absolute", "quantile"]}}
                """);
        assertTrue(Files.exists(csv));
        Path output = directory.resolve("out");
        assertEquals(0, runner.run(spec, output, RunListener.NONE).failures());
        return output;
    }

    @Test
    void theNewRowsGetTheRunsCodingAndCoefficients() throws Exception {
        Path output = fitted();
        Path fresh = Files.writeString(directory.resolve("new.csv"), "g,x\nb,10\na,-1\n");
        Path predictions = directory.resolve("deep/p.csv");
        assertEquals(2, runner.predict(output, 1, fresh, predictions));
        List<String> lines = Files.readAllLines(predictions);
        assertEquals("row,fitted", lines.get(0));
        assertEquals(31, Double.parseDouble(lines.get(1).split(",")[1]), 1e-9);
        assertEquals(-1, Double.parseDouble(lines.get(2).split(",")[1]), 1e-9);
    }

    @Test
    void refusalsSayWhatIsMissing() throws Exception {
        Path output = fitted();
        Path fresh = Files.writeString(directory.resolve("new.csv"), "g,x\nb,10\n");
        Path out = directory.resolve("p.csv");
        assertEquals(output.resolve("results.json") + ": no run 7 (the folder holds 2 runs)",
                assertThrows(IOException.class, () -> runner.predict(output, 7, fresh, out)).getMessage());
        assertEquals(directory + ": no results.json (not a result folder of drlp run)",
                assertThrows(IOException.class, () -> runner.predict(directory, 0, fresh, out)).getMessage());
        Path gap = Files.writeString(directory.resolve("gap.csv"), "g,x\nb,\n");
        assertTrue(assertThrows(IOException.class, () -> runner.predict(output, 0, gap, out)).getMessage()
                .contains("gap.csv:2:2 (x): missing value"));
        Path noColumn = Files.writeString(directory.resolve("nocolumn.csv"), "x\n1\n");
        String message = assertThrows(IOException.class, () -> runner.predict(output, 0, noColumn, out)).getMessage();
        assertTrue(message.contains("no column \"g\" for a categorical column"), message);
    }
}

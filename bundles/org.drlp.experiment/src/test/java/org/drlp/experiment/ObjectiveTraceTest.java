package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trace.csv read back for plotting: short traces whole, long ones thinned evenly with the last step kept. */
class ObjectiveTraceTest {

    @TempDir
    Path directory;

    @Test
    void aShortTraceIsReadWhole() throws Exception {
        ObjectiveTrace trace = ObjectiveTrace.read(trace(5));
        assertEquals(5, trace.iterations().length);
        assertEquals(1, trace.iterations()[0]);
        assertEquals(5, trace.iterations()[4]);
        assertEquals(1e6 - 5, trace.objectives()[4]);
        assertEquals(5e-3, trace.seconds()[4], 1e-12);
    }

    @Test
    void aLongTraceIsThinnedEvenlyKeepingFirstAndLast() throws Exception {
        int steps = 12_345;
        ObjectiveTrace trace = ObjectiveTrace.read(trace(steps));
        int kept = trace.iterations().length;
        assertTrue(kept <= ObjectiveTrace.MAX_POINTS + 1 && kept >= ObjectiveTrace.MAX_POINTS / 2, "kept " + kept);
        assertEquals(1, trace.iterations()[0]);
        assertEquals(steps, trace.iterations()[kept - 1]);
        double stride = trace.iterations()[1] - trace.iterations()[0];
        for (int i = 1; i < kept - 1; i++) assertEquals(stride, trace.iterations()[i] - trace.iterations()[i - 1]);
    }

    @Test
    void anEmptyTraceHasNoPoints() throws Exception {
        assertEquals(0, ObjectiveTrace.read(trace(0)).iterations().length);
    }

    private Path trace(int steps) throws Exception {
        Path file = directory.resolve("trace.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(TraceWriter.HEADER + "\n");
            for (int i = 1; i <= steps; i++) out.write("final," + i + "," + (1e6 - i) + ",0.5,1,2,0," + (i * 1e-3) + "\n");
        }
        return file;
    }
}

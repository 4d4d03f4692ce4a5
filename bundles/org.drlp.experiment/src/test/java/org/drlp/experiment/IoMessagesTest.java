package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An I/O failure says which file and why, whichever half Java's own message left out. */
class IoMessagesTest {

    @TempDir
    Path directory;

    @Test
    void theReasonIsSaidWhenJavaGivesOnlyThePath() {
        Path file = Path.of("out", "results.json");
        assertEquals("out/results.json: permission denied",
                IoMessages.withFile(file, new AccessDeniedException("out/results.json.1.tmp")).getMessage());
        assertEquals("out/results.json: no such file or folder",
                IoMessages.withFile(file, new NoSuchFileException(file.toString())).getMessage());
        assertEquals("out/results.json: is a folder that is not empty",
                IoMessages.withFile(file, new DirectoryNotEmptyException(file.toString())).getMessage());
    }

    @Test
    void theFileIsSaidWhenJavaGivesOnlyTheReason() {
        Path file = Path.of("out", "runs", "000", "dual.csv");
        FileSystemException full = IoMessages.withFile(file, new IOException("No space left on device"));
        assertEquals("out/runs/000/dual.csv: no space left on device", full.getMessage());
        assertEquals(file.toString(), full.getFile());
        assertEquals("out/runs/000/dual.csv: is a directory",
                IoMessages.withFile(file, new IOException("Is a directory")).getMessage());
        assertEquals("out/x: IOException", IoMessages.withFile(Path.of("out/x"), new IOException()).getMessage());
        assertEquals("out/x: no space left on device", IoMessages.withFile(Path.of("out/x"), full).getMessage(),
                "wrapping twice says the reason once");
    }

    @Test
    void aTraceThatCannotBeWrittenFailsItsRunNamingTheFileAndTheReason() throws Exception {
        TestPlugins plugins = new TestPlugins();
        Path output = directory.resolve("out");
        RunListener blocker = new RunListener() {
            @Override
            public void runStarted(int index, String label) {
                try { // a folder where the trace should go
                    if (index == 0) Files.createDirectories(output.resolve("runs/000/trace.csv"));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        ExperimentSummary summary = plugins.runner().run(Specs.write(directory, "two.json",
                Specs.QUANTILES.replace("[0.1, 0.25, 0.5, 0.75, 0.9]", "[0.5]")), output, blocker);
        ExperimentSummary.Run first = summary.runs().get(0);
        assertEquals(SolveStatus.FAILED, first.status());
        assertEquals("solving: " + output.resolve("runs/000/trace.csv") + ": is a directory", first.message());
        assertTrue(summary.runs().subList(1, 2).stream().allMatch(run -> run.status() == SolveStatus.OPTIMAL));
    }
}

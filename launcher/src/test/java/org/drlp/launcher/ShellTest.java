package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drlp shell} in a child JVM, since Gogo reads the process's own standard input: the drlp
 * commands work, and both exit and end of input end the process with success.
 */
class ShellTest {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path temp;

    @Test
    void drlpCommandsRunAndExitEndsTheProcessWithSuccess() throws Exception {
        Path results = temp.resolve("median");
        Path spec = Path.of("..", "examples", "stackloss", "median.json").toAbsolutePath();

        Shell shell = shell("drlp:plugins\ndrlp:run " + spec + " " + results + "\ndrlp:results " + results + "\nexit\n");

        assertEquals(Main.OK, shell.status(), shell::output);
        assertTrue(shell.output().contains("pivot   dantzig"), shell::output);
        assertTrue(shell.output().contains("stackloss-median: 1 runs, 0 failed; results in"), shell::output);
        assertTrue(shell.output().lines().anyMatch(line -> line.matches("000\\s+OPTIMAL\\s+42\\.0811594202899\\s.*")),
                shell::output);
    }

    @Test
    void exitWithAStatusEndsTheProcessWithIt() throws Exception {
        assertEquals(4, shell("exit 4\n").status());
    }

    @Test
    void endOfInputEndsTheProcessWithSuccess() throws Exception {
        Shell shell = shell("drlp:plugins\n");

        assertEquals(Main.OK, shell.status(), shell::output);
        assertTrue(shell.output().contains("pivot   dantzig"), shell::output);
    }

    private record Shell(int status, String output) { }

    private Shell shell(String input) throws IOException, InterruptedException {
        Path output = temp.resolve("shell.out");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "shell")
                .directory(temp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the shell did not end within " + TIMEOUT_SECONDS + " s:\n" + Files.readString(output));
        }
        return new Shell(process.exitValue(), Files.readString(output));
    }
}

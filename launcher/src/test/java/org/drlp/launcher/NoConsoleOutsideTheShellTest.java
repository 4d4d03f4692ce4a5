package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --features all} includes Gogo, whose console would read the (closed) standard input and
 * stop the framework under a running command; only the shell command may have it. In a child JVM
 * with standard input at its end at once, as under {@code </dev/null}.
 */
class NoConsoleOutsideTheShellTest {

    private static final long TIMEOUT_SECONDS = 60;
    private static final Path MEDIAN = Path.of("..", "examples", "stackloss", "median.json").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void runWithEveryFeatureAndNoInputSolvesAndEnds() throws Exception {
        Child child = drlp("run", MEDIAN.toString(), "--out", temp.resolve("out").toString(), "--features", "all");

        assertEquals(Main.OK, child.status(), child::output);
        assertTrue(child.output().contains("stackloss-median: 1 run, 0 failed"), child::output);
        assertNoConsole(child);
    }

    @Test
    void validateWithEveryFeatureAndNoInputEnds() throws Exception {
        Child child = drlp("validate", MEDIAN.toString(), "--features", "all");

        assertEquals(Main.OK, child.status(), child::output);
        assertTrue(child.output().contains("valid, 1 run"), child::output);
        assertNoConsole(child);
    }

    @Test
    void pluginsWithEveryFeatureAndNoInputListsEveryRole() throws Exception {
        Child child = drlp("plugins", "--features", "all");

        assertEquals(Main.OK, child.status(), child::output);
        assertTrue(child.output().contains("vertex-walk") && child.output().contains("dantzig"), child::output);
        assertNoConsole(child);
    }

    private static void assertNoConsole(Child child) {
        assertFalse(child.output().contains("Gogo") || child.output().contains("g!"), child::output);
        assertFalse(child.output().contains("Exception"), child::output);
    }

    private record Child(int status, String output) { }

    private Child drlp(String... args) throws IOException, InterruptedException {
        Path output = temp.resolve("child.out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(temp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("drlp " + String.join(" ", args) + " did not end within " + TIMEOUT_SECONDS
                    + " s:\n" + Files.readString(output));
        }
        return new Child(process.exitValue(), Files.readString(output));
    }
}

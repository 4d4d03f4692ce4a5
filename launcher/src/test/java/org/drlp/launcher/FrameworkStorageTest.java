package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The framework's temporary storage: removed at exit, and swept at the next start after a kill. */
class FrameworkStorageTest {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path temp;

    @Test
    void closeRemovesTheFolder() throws Exception {
        FrameworkStorage storage = FrameworkStorage.create(temp);
        Files.createDirectories(storage.cache().resolve("bundle1"));
        assertEquals(1, storageFolders().size());

        storage.close();

        assertEquals(List.of(), storageFolders());
    }

    @Test
    void onlyOldFoldersWhoseLockNobodyHoldsAreSwept() throws Exception {
        Path abandoned = staleFolder("drlp-felix-abandoned", Instant.now().minusSeconds(3600));
        Path young = staleFolder("drlp-felix-young", Instant.now());
        Path foreign = Files.createDirectory(temp.resolve("drlp-felix-without-lock"));
        try (FrameworkStorage live = FrameworkStorage.create(temp)) {
            Path liveLock = storageFolders().stream().filter(f -> !List.of(abandoned, young, foreign).contains(f))
                    .findFirst().orElseThrow().resolve(FrameworkStorage.LOCK_FILE);
            Files.setLastModifiedTime(liveLock, FileTime.from(Instant.now().minusSeconds(3600)));

            assertEquals(List.of(), FrameworkStorage.removeStale(temp), "the live folder is locked, the rest not stale");
            assertFalse(Files.exists(abandoned), "swept when the live one was created");
            assertTrue(Files.exists(young) && Files.exists(foreign) && Files.exists(liveLock));
        }
    }

    @Test
    void aKilledLaunchersFolderIsSweptByTheNextOne() throws Exception {
        Path tmp = Files.createDirectory(temp.resolve("tmp"));
        Process shell = launcher(tmp, "shell").start(); // waits on its standard input, which stays open
        try {
            long deadline = System.currentTimeMillis() + TIMEOUT_SECONDS * 1000;
            while (storageFolders(tmp).isEmpty() || !Files.isDirectory(storageFolders(tmp).get(0).resolve("cache"))) {
                assertTrue(System.currentTimeMillis() < deadline, "no storage folder appeared");
                Thread.sleep(100);
            }
            Thread.sleep(500);
        } finally {
            shell.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        }
        List<Path> left = storageFolders(tmp);
        assertEquals(1, left.size(), "a killed launcher cannot clean up");
        // as if the grace period for launchers that have not taken their lock yet had passed
        Files.setLastModifiedTime(left.get(0).resolve(FrameworkStorage.LOCK_FILE),
                FileTime.from(Instant.now().minusSeconds(3600)));

        Process next = launcher(tmp, "plugins").start();
        next.getOutputStream().close();
        assertTrue(next.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        assertEquals(0, next.exitValue());
        assertEquals(List.of(), storageFolders(tmp), "the stale folder swept, the new one removed at exit");
    }

    private ProcessBuilder launcher(Path tmp, String command) {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), Main.class.getName(), command)
                .directory(temp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve(command + ".out").toFile());
    }

    private Path staleFolder(String name, Instant lockTime) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name).resolve("cache"));
        Path lock = Files.createFile(folder.getParent().resolve(FrameworkStorage.LOCK_FILE));
        Files.setLastModifiedTime(lock, FileTime.from(lockTime));
        return folder.getParent();
    }

    private List<Path> storageFolders() throws IOException {
        return storageFolders(temp);
    }

    private static List<Path> storageFolders(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(FrameworkStorage.PREFIX)).sorted().toList();
        }
    }
}

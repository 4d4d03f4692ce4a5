package org.drlp.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The framework's bundle cache, in a temporary folder of its own that this process holds a file
 * lock on while it runs. close() (and so the shutdown hook) removes it; a killed process cannot,
 * so every start first removes the folders whose lock nobody holds any more.
 */
final class FrameworkStorage implements AutoCloseable {

    static final String PREFIX = "drlp-felix-";
    static final String LOCK_FILE = "lock";
    /** A folder younger than this may belong to a launcher that has not taken its lock yet. */
    private static final long GRACE_MILLIS = 60_000;

    private final Path root;
    private final FileChannel channel;
    private final FileLock lock;

    private FrameworkStorage(Path root, FileChannel channel, FileLock lock) {
        this.root = root;
        this.channel = channel;
        this.lock = lock;
    }

    /** In the system's temporary folder. */
    static FrameworkStorage create() throws LaunchException {
        return create(Path.of(System.getProperty("java.io.tmpdir")));
    }

    static FrameworkStorage create(Path temporaryFolder) throws LaunchException {
        removeStale(temporaryFolder);
        try {
            Path root = Files.createTempDirectory(temporaryFolder, PREFIX);
            FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            return new FrameworkStorage(root, channel, channel.lock());
        } catch (IOException e) {
            throw new LaunchException("cannot create the framework's storage folder in " + temporaryFolder + ": "
                    + IoReason.of(e));
        }
    }

    /** The folder Felix keeps its bundle cache in (it cleans it itself on first init). */
    Path cache() {
        return root.resolve("cache");
    }

    /**
     * Removes every storage folder in {@code temporaryFolder} left by a launcher that is gone.
     *
     * @return the folders removed
     */
    static List<Path> removeStale(Path temporaryFolder) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temporaryFolder, PREFIX + "*")) {
            for (Path folder : folders) {
                if (isStale(folder)) {
                    deleteQuietly(folder);
                    removed.add(folder);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // nothing to sweep, or not allowed to: neither stops this launcher
        }
        return removed;
    }

    private static boolean isStale(Path folder) {
        Path lockFile = folder.resolve(LOCK_FILE);
        try {
            if (!Files.isRegularFile(lockFile)
                    || System.currentTimeMillis() - Files.getLastModifiedTime(lockFile).toMillis() < GRACE_MILLIS) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock probe = channel.tryLock();
                if (probe == null) {
                    return false; // another process holds it
                }
                probe.release();
                return true;
            }
        } catch (OverlappingFileLockException e) {
            return false; // this process holds it
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        deleteQuietly(cache());
        try {
            Files.deleteIfExists(root.resolve(LOCK_FILE));
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
        deleteQuietly(root);
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // whatever is left is swept by the next launcher once this one is gone
        }
    }
}

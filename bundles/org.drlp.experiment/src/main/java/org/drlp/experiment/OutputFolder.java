package org.drlp.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An output folder held by one experiment from start to end, so that results never mix or vanish:
 * <ul>
 * <li>a lock: {@value #LOCK_FILE} in the folder is locked (an OS file lock, released when the
 *     process dies, however it dies) and names its holder; a second experiment on the folder,
 *     in this process or another, is refused with the holder's pid, start time and spec;
 * <li>the spec being run is never overwritten by its copy (spec.json in its own folder);
 * <li>an earlier experiment's results are refused, or deleted first when asked to (never mixed).
 * </ul>
 * The lock file stays when the experiment ends: deleting it would let a waiting process lock a
 * file that is no longer the folder's.
 */
final class OutputFolder implements AutoCloseable {

    static final String LOCK_FILE = ".drlp.lock";

    /** What an experiment writes into its folder: what an earlier experiment left behind. */
    static final List<String> RESULT_FILES = List.of(ResultsWriter.FILE_NAME, SummaryCsvWriter.FILE_NAME,
            CoefficientsCsvWriter.FILE_NAME,
            SpecSnapshot.FILE_NAME, RunLog.FILE_NAME, "runs", ObjectivePlots.GROUP_FOLDER,
            EndOfSweepReport.FOLDER);

    /**
     * Folders held in this JVM, and by what. Needed beside the OS lock: a JVM holds a file's lock for
     * all its threads, and closing any other channel on the file would release it.
     */
    private static final Map<Path, String> HELD = new ConcurrentHashMap<>();
    /** How long a refused claimant waits for the holder's line in the lock file. */
    private static final long HOLDER_WAIT_MILLIS = 2_000;

    private final Path directory;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputFolder(Path directory, Path key, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the folder if needed, locks it, and checks it.
     *
     * @param spec       the spec being run, which the folder's spec.json must not be
     * @param overwrite  whether an earlier experiment's results are deleted instead of refused
     * @throws IOException saying which folder and why, when another experiment holds the folder, the
     *                     folder is the spec's own, or it holds earlier results
     */
    static OutputFolder claim(Path directory, Path spec, boolean overwrite) throws IOException {
        return claim(directory, spec, overwrite, false);
    }

    /**
     * As {@link #claim(Path, Path, boolean)}; with {@code resume}, earlier results are neither refused
     * nor deleted (the caller checks that they are of the same spec).
     */
    static OutputFolder claim(Path directory, Path spec, boolean overwrite, boolean resume) throws IOException {
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException e) { // a file where the folder should be, or on the way to it
            throw new FileSystemException(e.getFile(), null, "exists and is not a folder");
        } catch (IOException e) {
            throw IoMessages.withFile(directory, e);
        }
        Path key = directory.toRealPath();
        String holder = "pid " + ProcessHandle.current().pid() + " since " + Instant.now() + " running "
                + spec.toAbsolutePath().normalize();
        String other = HELD.putIfAbsent(key, holder);
        if (other != null) throw busy(directory, other);
        OutputFolder folder = null;
        try {
            folder = lock(directory, key, holder);
            folder.check(spec, overwrite, resume);
            return folder;
        } catch (IOException | RuntimeException e) {
            if (folder != null) folder.close();
            else HELD.remove(key);
            throw e;
        }
    }

    private static OutputFolder lock(Path directory, Path key, String holder) throws IOException {
        Path file = directory.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) { // held in this JVM by someone who did not claim it here
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw IoMessages.withFile(file, e);
        }
        if (lock == null) {
            channel.close();
            throw busy(directory, holder(file));
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            channel.close(); // releases the lock
            throw IoMessages.withFile(file, e);
        }
        return new OutputFolder(directory, key, channel, lock);
    }

    /**
     * What the lock file says about the process holding it. The holder writes its line just after
     * taking the lock, so for a moment the file may be empty or still name the previous holder,
     * whose process is gone: then it is read again, for up to {@value #HOLDER_WAIT_MILLIS} ms.
     */
    private static String holder(Path lockFile) {
        long deadline = System.nanoTime() + HOLDER_WAIT_MILLIS * 1_000_000L;
        while (true) {
            String text;
            try {
                text = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                text = "";
            }
            if (namesALiveProcess(text)) return text;
            if (System.nanoTime() > deadline) return "another process";
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "another process";
            }
        }
    }

    /** True when {@code text} is a holder line ("pid N since ...") whose process is running. */
    private static boolean namesALiveProcess(String text) {
        if (!text.startsWith("pid ")) return false;
        int end = text.indexOf(' ', 4);
        try {
            long pid = Long.parseLong(end < 0 ? text.substring(4) : text.substring(4, end));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static IOException busy(Path directory, String holder) {
        return new IOException(directory + " is in use by another experiment (" + holder
                + "); wait for it to end, or choose another output folder");
    }

    private void check(Path spec, boolean overwrite, boolean resume) throws IOException {
        Path snapshot = directory.resolve(SpecSnapshot.FILE_NAME);
        if (Files.exists(snapshot) && Files.isSameFile(snapshot, spec)) {
            throw new IOException(snapshot + " is the spec being run; the experiment would overwrite it with its "
                    + "copy of the spec: choose another output folder");
        }
        List<String> earlier = new ArrayList<>();
        for (String name : RESULT_FILES) {
            Path path = directory.resolve(name);
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                earlier.add(Files.isDirectory(path) ? name + "/" : name);
            }
        }
        if (earlier.isEmpty() || resume) return;
        if (!overwrite) {
            throw new IOException(directory + " holds an earlier experiment's results (" + String.join(", ", earlier)
                    + "); choose another output folder, finish them if they are this spec's (drlp run --resume), "
                    + "or delete them first (drlp run --overwrite)");
        }
        for (String name : RESULT_FILES) delete(directory.resolve(name));
    }

    /** Deletes a file or a folder tree; a symbolic link is deleted, not followed. */
    private static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException failure) throws IOException {
                    if (failure != null) throw failure;
                    Files.delete(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new IOException("cannot delete the earlier results: " + IoMessages.describe(e), e);
        }
    }

    Path path() {
        return directory;
    }

    /** Releases the lock; the lock file stays (see the class comment). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD.remove(key);
        }
    }
}

package org.drlp.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file's content atomically, so that a reader (or a crash) never sees half a file. The
 * temporary file has a name of its own (results.json.123456.tmp), so that two writers never share
 * one; failures name the file and the reason.
 */
final class AtomicFile {

    /** rw-r--r-- before the umask, as a plain new file gets; a temporary file would be rw------- only. */
    private static final FileAttribute<?> READABLE = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-r--r--"));

    private AtomicFile() {
    }

    static void write(Path file, String content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Path temporary;
        try {
            temporary = directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(directory, file.getFileName() + ".", ".tmp", READABLE)
                    : Files.createTempFile(directory, file.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        }
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) { // some file systems cannot; a plain replace is the best left
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw IoMessages.withFile(file, e);
        }
    }
}

package org.drlp.experiment;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * I/O failures as "file: reason". Java's own messages often lack one half: a
 * {@link NoSuchFileException} or {@link AccessDeniedException} says only the path, and a read or
 * write on an open file says only the reason ("Is a directory", "No space left on device").
 */
final class IoMessages {

    private IoMessages() {
    }

    /**
     * {@code e} again as a message that says which file and why: "out/results.json: permission
     * denied"; a {@link FileSystemException}, so that its file and reason can be read back.
     */
    static FileSystemException withFile(Path file, IOException e) {
        FileSystemException named = new FileSystemException(file.toString(), null, reason(e));
        named.initCause(e);
        return named;
    }

    /** "file: reason" with the file the exception names, or just the reason when it names none. */
    static String describe(IOException e) {
        String file = e instanceof FileSystemException fs ? fs.getFile() : null;
        return file == null ? reason(e) : file + ": " + reason(e);
    }

    /** Why the operation failed, in words, without the path. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            if (fs.getReason() != null) return lowerFirst(fs.getReason());
            if (e instanceof AccessDeniedException) return "permission denied";
            if (e instanceof NoSuchFileException) return "no such file or folder";
            if (e instanceof FileAlreadyExistsException) return "already exists";
            if (e instanceof DirectoryNotEmptyException) return "is a folder that is not empty";
            if (e instanceof NotDirectoryException) return "not a folder";
            return e.getClass().getSimpleName();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : lowerFirst(message);
    }

    /** "Is a directory" reads better mid-sentence as "is a directory"; acronyms and names stay. */
    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }
}

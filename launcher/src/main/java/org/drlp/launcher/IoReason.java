package org.drlp.launcher;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why an I/O operation failed, in words: the file-system exceptions' messages are only the file
 * name ("cannot read: spec.json"), so the reason is their type.
 */
final class IoReason {

    private IoReason() {
    }

    static String of(IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file or folder";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            reason = "already exists";
        } else if (e instanceof NotDirectoryException) {
            reason = "not a folder";
        } else if (e instanceof DirectoryNotEmptyException) {
            reason = "folder not empty";
        } else if (e instanceof FileSystemException fs) {
            reason = fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
        } else {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        FileSystemException fs = (FileSystemException) e;
        return fs.getFile() == null ? reason : fs.getFile() + ": " + reason;
    }
}

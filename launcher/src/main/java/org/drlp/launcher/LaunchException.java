package org.drlp.launcher;

/** A failure to set up the workbench, reported as one line (with its cause's stack trace under --debug). */
final class LaunchException extends Exception {

    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}

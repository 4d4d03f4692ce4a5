package org.drlp.launcher;

/** A failure to set up the workbench, reported as one line without a stack trace. */
final class LaunchException extends Exception {

    LaunchException(String message) {
        super(message);
    }
}

package org.drlp.api;

/**
 * An experiment spec is malformed or invalid. The message is one line naming the file and, where
 * it applies, the line and column or the dotted path of the offending entry.
 */
public class SpecException extends Exception {
    private static final long serialVersionUID = 1L;

    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}

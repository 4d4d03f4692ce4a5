package org.drlp.model.lp;

/** A malformed MPS file; the message is {@code file:line: what is wrong}. */
final class MpsFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MpsFormatException(String message) {
        super(message);
    }
}

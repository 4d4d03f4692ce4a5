package org.drlp.api;

/** A parameter is unknown, missing, ill-typed or out of range; the message says which and what is allowed. */
public class ParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ParameterException(String message) {
        super(message);
    }
}

package org.drlp.spi;

/** Data that cannot be used; the message names the file and the row and column. */
public class DataException extends Exception {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }
}

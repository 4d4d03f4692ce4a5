package org.drlp.model.relu;

import java.io.IOException;

/** A network file that cannot be used; the one-line message names the file and the layer and row or line and column. */
public class NetworkFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public NetworkFormatException(String message) {
        super(message);
    }
}

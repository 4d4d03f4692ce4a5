package org.drlp.web;

/**
 * A request that cannot be served, with the HTTP status and the one-line message the client sees.
 * {@code logged} marks refusals that may be an attack (path traversal, a bad token), which the
 * server logs.
 */
final class WebError extends Exception {
    private static final long serialVersionUID = 1L;

    final int status;
    final boolean logged;

    WebError(int status, String message) {
        this(status, message, false);
    }

    WebError(int status, String message, boolean logged) {
        super(message, null, false, false);
        this.status = status;
        this.logged = logged;
    }
}

package org.drlp.web;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The server's log: refused requests and internal errors, one line each on the launcher's error
 * stream (stack traces too for internal errors, which never reach a response).
 */
final class Log {

    private final PrintStream out;

    Log(PrintStream out) {
        this.out = out;
    }

    void refused(String method, String path, String remote, int status, String reason) {
        out.println("drlp serve: refused " + method + " " + path + " from " + remote + " (" + status + "): " + reason);
    }

    void error(String what, Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        out.println("drlp serve: " + what + ": " + oneLine(e) + System.lineSeparator() + trace);
    }

    /** The exception's message on one line, or its type when it has none. */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) return e.getClass().getSimpleName();
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}

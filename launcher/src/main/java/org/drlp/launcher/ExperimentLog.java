package org.drlp.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The experiment service's log in the output folder (drlp.log: the stack traces behind the
 * one-line messages of failed runs). Remembers how long it was before this run, so that only
 * what this run added is shown.
 */
final class ExperimentLog {

    static final String NAME = "drlp.log";

    private final Path file;
    private final long lengthBefore;

    ExperimentLog(Path outputFolder) {
        this.file = outputFolder.resolve(NAME);
        this.lengthBefore = length();
    }

    /**
     * Under --debug prints what this run added to the log; otherwise says where it is, when this
     * run added anything.
     *
     * @param debug  the debugging stream, or null
     */
    void show(PrintWriter err, PrintWriter debug) {
        long length = length();
        long from = length < lengthBefore ? 0 : lengthBefore; // shorter: the service started it afresh
        if (length == from) {
            return;
        }
        if (debug == null) {
            err.println("drlp: stack traces in " + file + " (--debug prints them here)");
            return;
        }
        debug.println("drlp: debug: " + file + ":");
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(from);
            debug.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            debug.println("drlp: debug: cannot read " + file + ": " + IoReason.of(e));
        }
        debug.flush();
    }

    private long length() {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}

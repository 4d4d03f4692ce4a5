package org.drlp.launcher;

import java.io.PrintWriter;
import org.drlp.api.RunListener;

/** How a sweep's progress is shown on the console; closed when the sweep ends. */
interface SweepProgress extends RunListener, AutoCloseable {

    /** A bar on a terminal, one line per run when the output is redirected, nothing when quiet. */
    static SweepProgress on(PrintWriter out, boolean quiet) {
        if (quiet) {
            return new SweepProgress() { };
        }
        // System.console() is null when stdout (or stdin) is not a terminal: a bar would litter a log
        return System.console() != null ? new SweepProgressBar(System.out) : new SweepProgressLines(out);
    }

    @Override
    default void close() {
    }
}

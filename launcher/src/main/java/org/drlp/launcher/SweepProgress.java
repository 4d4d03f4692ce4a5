package org.drlp.launcher;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.drlp.api.RunListener;
import org.drlp.api.SolveStatus;

/** How a sweep's progress is shown on the console; closed when the sweep ends. */
interface SweepProgress extends RunListener, AutoCloseable {

    /** A bar on a terminal, one line per run when the output is redirected, nothing when quiet. */
    static SweepProgress on(PrintWriter out, boolean quiet) {
        if (quiet) {
            return new SweepProgress() { };
        }
        // System.console() is null when stdout (or stdin) is not a terminal: a bar would litter a log
        return System.console() != null
                ? new SweepProgressBar(System.out, System.console().charset().equals(StandardCharsets.UTF_8))
                : new SweepProgressLines(out);
    }

    /** The line shown under a run that did not end certified: why it ended so. */
    static Optional<String> reason(SolveStatus status, String message) {
        if (status.isCertified() || message == null || message.isBlank()) {
            return Optional.empty();
        }
        return Optional.of("      " + message.strip());
    }

    @Override
    default void close() {
    }
}

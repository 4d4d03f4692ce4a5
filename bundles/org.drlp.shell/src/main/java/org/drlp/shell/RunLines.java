package org.drlp.shell;

import java.io.PrintStream;
import java.util.Locale;

import org.drlp.api.RunListener;
import org.drlp.api.SolveStatus;

/** Progress in the shell: one line per finished run, and the reason under a run that did not end certified. */
final class RunLines implements RunListener {

    private final PrintStream out;
    private volatile int total;

    RunLines(PrintStream out) {
        this.out = out;
    }

    @Override
    public void experimentStarted(String name, int runs) {
        total = runs;
    }

    @Override
    public void runFinished(int index, String label, SolveStatus status, double objective, double seconds,
                            String message) {
        out.printf(Locale.ROOT, "[%d/%d] %s  %s  objective %.15g  %.3f s%n", index + 1, total, label, status,
                objective, seconds);
        if (!status.isCertified() && message != null && !message.isBlank()) {
            out.println("      " + message.strip());
        }
    }
}

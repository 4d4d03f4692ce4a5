package org.drlp.launcher;

import java.io.PrintWriter;
import java.util.Locale;
import org.drlp.api.SolveStatus;

/**
 * One plain line per finished run, for logs and pipes, with the reason under the row of a run
 * that did not end certified; runs may finish out of sweep order.
 */
final class SweepProgressLines implements SweepProgress {

    private final PrintWriter out;
    private int total;
    private int finished;

    SweepProgressLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void experimentStarted(String name, int runs) {
        total = runs;
        out.printf(Locale.ROOT, "%s: %d %s%n", name, runs, runs == 1 ? "run" : "runs");
    }

    @Override
    public void runFinished(int index, String label, SolveStatus status, double objective, double seconds,
                            String message) {
        out.printf(Locale.ROOT, "[%d/%d] %-40s %-16s objective %-22.15g %8.3f s%n", ++finished, total, label, status,
                objective, seconds);
        SweepProgress.reason(status, message).ifPresent(out::println);
    }
}

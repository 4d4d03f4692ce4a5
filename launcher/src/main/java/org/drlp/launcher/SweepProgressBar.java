package org.drlp.launcher;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.drlp.api.SolveStatus;

/**
 * A console progress bar: one tick per finished run, the run in progress (with its latest pivot and
 * objective during long solves) and the failures beside it. A run that does not end certified is
 * printed above the bar, with its reason under it, so it stays on the screen.
 * The experiment service never overlaps its calls, so no locking is needed here.
 */
final class SweepProgressBar implements SweepProgress {

    /** Back to the line's start and erase it: the bar is redrawn below on its next tick. */
    private static final String ERASE_LINE = "\r\033[2K";

    private final PrintStream terminal;
    private final boolean unicode;
    private ProgressBar bar;
    private int failures;

    SweepProgressBar(PrintStream terminal, boolean unicode) {
        this.terminal = terminal;
        this.unicode = unicode;
    }

    @Override
    public void experimentStarted(String name, int runs) {
        bar = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(runs)
                .setUnit(" runs", 1)
                .setStyle(unicode ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(terminal))
                .setUpdateIntervalMillis(200)
                .continuousUpdate()
                .build();
    }

    @Override
    public void runStarted(int index, String label) {
        bar.setExtraMessage(message(label));
    }

    @Override
    public void runFinished(int index, String label, SolveStatus status, double objective, double seconds,
                            String message) {
        if (RunVerdict.of(status, message) == RunVerdict.FAILED) {
            failures++;
            bar.setExtraMessage(message(label));
        }
        SweepProgress.reason(status, message).ifPresent(reason -> above(String.format(Locale.ROOT,
                "%-40s %-16s objective %-22.15g %8.3f s%n%s", label, status, objective, seconds, reason)));
        bar.step();
    }

    @Override
    public void runProgress(int index, long iteration, double objective, double seconds) {
        bar.setExtraMessage(message(String.format(Locale.ROOT, "%03d pivot %,d obj %.6g", index, iteration, objective)));
    }

    /** The bar's refresh thread prints through the same stream, one print call per frame. */
    private void above(String lines) {
        synchronized (terminal) {
            terminal.print(ERASE_LINE + lines + System.lineSeparator());
            terminal.flush();
        }
    }

    private String message(String label) {
        return failures == 0 ? label : label + " (" + failures + " failed)";
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}

package org.drlp.launcher;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.drlp.api.SolveStatus;

/**
 * A console progress bar: one tick per finished run, the run in progress (with its latest pivot and
 * objective during long solves) and the failures beside it.
 * The experiment service never overlaps its calls, so no locking is needed here.
 */
final class SweepProgressBar implements SweepProgress {

    private final PrintStream terminal;
    private ProgressBar bar;
    private int failures;

    SweepProgressBar(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public void experimentStarted(String name, int runs) {
        boolean unicode = System.console().charset().equals(StandardCharsets.UTF_8);
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
    public void runFinished(int index, String label, SolveStatus status, double objective, double seconds) {
        if (status == SolveStatus.FAILED || status == SolveStatus.NUMERICAL_FAILURE) {
            failures++;
            bar.setExtraMessage(message(label));
        }
        bar.step();
    }

    @Override
    public void runProgress(int index, long iteration, double objective, double seconds) {
        bar.setExtraMessage(message(String.format(Locale.ROOT, "%03d pivot %,d obj %.6g", index, iteration, objective)));
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

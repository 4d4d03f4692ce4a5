package org.drlp.launcher;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.SolveStatus;

/**
 * The table printed when a sweep ends: how many runs ended in each status, one row per run
 * (label, status, objective, iterations, seconds), then every run that did not end certified
 * with its reason. Long sweeps list only those rows; summary.csv has them all.
 */
final class SweepTable {

    /** Beyond this many runs only the uncertified rows are listed. */
    static final int MAX_ROWS = 50;
    /** Reasons listed at most; the rest are counted. */
    static final int MAX_REASONS = 20;

    private SweepTable() {
    }

    static void print(ExperimentSummary summary, PrintWriter out) {
        List<ExperimentSummary.Run> runs = summary.runs();
        out.println(counts(summary));
        List<ExperimentSummary.Run> rows = runs.size() <= MAX_ROWS ? runs
                : runs.stream().filter(run -> !run.status().isCertified()).limit(MAX_ROWS).toList();
        if (!rows.isEmpty()) {
            int width = Math.max("label".length(), rows.stream().mapToInt(r -> r.label().length()).max().orElse(0));
            String row = "  %-" + width + "s  %-17s  %22s  %10s  %9s%n";
            out.printf(Locale.ROOT, row, "label", "status", "objective", "iterations", "seconds");
            for (ExperimentSummary.Run run : rows) {
                out.printf(Locale.ROOT, row, run.label(), run.status(), String.format(Locale.ROOT, "%.15g", run.objective()),
                        run.iterations(), String.format(Locale.ROOT, "%.3f", run.seconds()));
            }
        }
        if (rows.size() < runs.size()) {
            out.printf(Locale.ROOT, "  (%d of %d runs not listed; summary.csv lists every run)%n",
                    runs.size() - rows.size(), runs.size());
        }
        List<ExperimentSummary.Run> uncertified = runs.stream()
                .filter(run -> !run.status().isCertified() && run.message() != null && !run.message().isBlank()).toList();
        if (!uncertified.isEmpty()) {
            out.println("not certified, and why:");
            int width = uncertified.stream().limit(MAX_REASONS).mapToInt(r -> r.label().length()).max().orElse(0);
            uncertified.stream().limit(MAX_REASONS).forEach(run -> out.printf(Locale.ROOT, "  %-" + width + "s  %s: %s%n",
                    run.label(), run.status(), run.message().strip()));
            if (uncertified.size() > MAX_REASONS) {
                out.printf(Locale.ROOT, "  ... and %d more (the message column of summary.csv)%n",
                        uncertified.size() - MAX_REASONS);
            }
        }
    }

    /** {@code name: 10 runs: 8 OPTIMAL, 2 UNBOUNDED}, statuses in their declared order. */
    static String counts(ExperimentSummary summary) {
        Map<SolveStatus, Integer> counts = new EnumMap<>(SolveStatus.class);
        summary.runs().forEach(run -> counts.merge(run.status(), 1, Integer::sum));
        StringJoiner parts = new StringJoiner(", ");
        counts.forEach((status, count) -> parts.add(count + " " + status));
        int runs = summary.runs().size();
        return summary.name() + ": " + runs + (runs == 1 ? " run" : " runs") + (runs == 0 ? "" : ": " + parts);
    }
}

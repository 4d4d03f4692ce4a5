package org.drlp.shell;

import java.util.Locale;

import org.drlp.api.ExperimentSummary;

/** An experiment's runs as a table: label, status, objective, iterations, seconds. */
final class SummaryTable {

    private SummaryTable() {
    }

    static String format(ExperimentSummary summary) {
        int width = Math.max("label".length(),
                summary.runs().stream().mapToInt(r -> r.label().length()).max().orElse(0));
        String row = "%-" + width + "s  %-17s  %22s  %10s  %9s%n";
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %d runs, %d failed%n", summary.name(), summary.runs().size(),
                summary.failures()));
        text.append(String.format(Locale.ROOT, row, "label", "status", "objective", "iterations", "seconds"));
        for (ExperimentSummary.Run run : summary.runs()) {
            text.append(String.format(Locale.ROOT, row, run.label(), run.status(),
                    String.format(Locale.ROOT, "%.15g", run.objective()), run.iterations(),
                    String.format(Locale.ROOT, "%.3f", run.seconds())));
        }
        return text.toString();
    }
}

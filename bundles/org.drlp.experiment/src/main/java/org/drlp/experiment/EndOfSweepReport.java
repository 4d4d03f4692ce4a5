package org.drlp.experiment;

import java.awt.AWTError;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.drlp.api.ReportService;

/**
 * The comparison report a sweep writes into {@code report/} when it ended, if it compares
 * something: more than one configuration (values of swept paths outside data. and model.) on more
 * than one problem (values of swept paths under them). Like a plot, a report that cannot be written
 * is a warning, never a failed experiment.
 */
final class EndOfSweepReport {

    static final String FOLDER = "report";
    static final List<String> MEASURES = List.of("seconds", "pivots");

    private EndOfSweepReport() {
    }

    /** @param reports  null when no report service is installed: then nothing is written */
    static List<String> write(ReportService reports, Path outputDirectory, List<RunOutcome> runs) {
        if (reports == null || !comparesSomething(runs)) return List.of();
        try {
            reports.write(List.of(outputDirectory), outputDirectory.resolve(FOLDER), MEASURES);
            return List.of();
        } catch (Exception | LinkageError | AWTError | InternalError e) { // AWT fails in Errors too, see ObjectivePlots
            return List.of(FOLDER + "/: comparison report not written: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    static boolean comparesSomething(List<RunOutcome> runs) {
        Set<Map<String, String>> problems = new HashSet<>();
        Set<Map<String, String>> configurations = new HashSet<>();
        for (RunOutcome run : runs) {
            Map<String, String> problem = new TreeMap<>();
            Map<String, String> configuration = new TreeMap<>();
            run.plan().point().valueTexts().forEach((path, value) ->
                    (path.startsWith("data.") || path.startsWith("model.") ? problem : configuration).put(path, value));
            problems.add(problem);
            configurations.add(configuration);
        }
        return problems.size() > 1 && configurations.size() > 1;
    }
}

package org.drlp.experiment;

import java.util.List;
import java.util.Map;

import org.drlp.report.Figure;
import org.drlp.report.Panel;
import org.drlp.report.Series;

/** The objective plotted against iteration (left) and against time (right), for one run or a group. */
final class ObjectiveFigures {

    private ObjectiveFigures() {
    }

    static Figure forRun(String label, ObjectiveTrace trace) {
        return figure(label, Map.of(label, trace));
    }

    /**
     * One run with a series per stage of its solve (presolve stages walk smaller programs, so their
     * objectives are on another level than the final walk's); a single stage is named by the run.
     */
    static Figure forRunByStage(String label, Map<String, ObjectiveTrace> stages) {
        if (stages.size() <= 1) return forRun(label, stages.values().stream().findFirst().orElseGet(
                () -> new ObjectiveTrace(new double[0], new double[0], new double[0])));
        return figure(label, stages);
    }

    /** @param traces  series name to its trace, in legend order */
    static Figure figure(String title, Map<String, ObjectiveTrace> traces) {
        List<Series> byIteration = traces.entrySet().stream()
                .map(t -> new Series(t.getKey(), t.getValue().iterations(), t.getValue().objectives())).toList();
        List<Series> byTime = traces.entrySet().stream()
                .map(t -> new Series(t.getKey(), t.getValue().seconds(), t.getValue().objectives())).toList();
        return new Figure(title, List.of(
                new Panel("objective by iteration", "iteration", "objective", byIteration),
                new Panel("objective by time", "seconds", "objective", byTime)));
    }
}

package org.drlp.experiment;

import java.util.List;

/**
 * Runs that differ only in the value of the last swept path (and in their repeat), drawn together
 * in one overlay plot so that, say, pivot rules can be compared at each point of the other paths.
 *
 * @param name  the values of the other swept paths, for example {@code loss.tau=0.5}; {@code all}
 *              when only one path is swept
 * @param runs  in sweep order
 */
record SweepGroup(String name, List<RunOutcome> runs) {

    SweepGroup {
        runs = List.copyOf(runs);
    }

    /** How a run is named in the group's legend: the value of the last swept path (its repeats share the line). */
    String seriesName(RunOutcome run) {
        String lastValue = "";
        for (var swept : run.plan().point().valueTexts().entrySet()) lastValue = swept.getKey() + "=" + swept.getValue();
        return lastValue;
    }

    /** The swept path whose values the group compares: the last one. */
    String variedPath() {
        String last = "";
        for (String path : runs.get(0).plan().point().valueTexts().keySet()) last = path;
        return last;
    }
}

package org.drlp.api;

import java.util.List;

/**
 * What {@link ExperimentService#merge} wrote.
 *
 * @param summary   the merged runs, in sweep order, in the merged folder
 * @param specHash  the spec hash the merged folders share
 * @param sweepRuns how many runs the whole sweep has
 * @param missing   indices of the sweep found in none of the folders (or only INTERRUPTED), ascending
 * @since 2.0
 */
public record MergeReport(ExperimentSummary summary, String specHash, int sweepRuns, List<Integer> missing) {

    public MergeReport {
        missing = List.copyOf(missing);
    }

    /** True when every run of the sweep is in the merged folder, none INTERRUPTED. */
    public boolean complete() {
        return missing.isEmpty();
    }
}

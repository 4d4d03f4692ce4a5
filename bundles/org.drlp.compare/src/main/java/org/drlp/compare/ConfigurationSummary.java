package org.drlp.compare;

import java.util.Map;

/**
 * One row of the comparison table.
 *
 * @param problems      problems in the comparison
 * @param solved        problems this configuration solved (more than half of the repeats solved)
 * @param runs          its runs, repeats included
 * @param wrongAnswers  runs certified but above the best objective of their problem
 * @param failures      runs not certified (failed, limits, no certificate)
 * @param measures      by measure name; a measure that does not apply to the configuration is absent
 */
public record ConfigurationSummary(String configuration, int problems, int solved, int runs, int wrongAnswers,
                                   int failures, Map<String, MeasureSummary> measures) {

    public ConfigurationSummary {
        measures = Map.copyOf(measures);
    }
}

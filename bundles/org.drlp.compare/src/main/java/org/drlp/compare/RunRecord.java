package org.drlp.compare;

import java.util.Map;

/**
 * One run as the comparison sees it.
 *
 * @param problem        which problem it solved; runs of one problem are compared with each other
 * @param configuration  the strategy that varies (for example {@code solver.pivot=bland}); the
 *                       runs of one configuration on one problem are its repeats
 * @param certified      the run ended with a local-optimality certificate (OPTIMAL, LOCAL_MINIMUM)
 * @param objective      the objective reached; NaN when the run has no point to trust (it failed)
 * @param costs          measure name to the run's cost; a measure missing or NaN does not apply to
 *                       the run (Adam makes no pivots)
 */
public record RunRecord(String problem, String configuration, boolean certified, double objective,
                        Map<String, Double> costs) {

    public RunRecord {
        costs = Map.copyOf(costs);
    }

    /** The run's cost in the measure, NaN when it does not apply. */
    public double cost(Measure measure) {
        Double cost = costs.get(measure.name());
        return cost == null ? Double.NaN : cost;
    }
}

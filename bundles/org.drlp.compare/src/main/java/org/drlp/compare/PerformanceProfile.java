package org.drlp.compare;

import java.util.Arrays;
import java.util.List;

/**
 * Dolan and Moré's performance profile of one measure: for configuration s on problem p the ratio
 * r(p, s) = cost(p, s) / min over configurations of cost(p, .), infinite when s did not solve p;
 * rho_s(tau) is the fraction of problems with r(p, s) <= tau. rho_s(1) is how often s was the
 * cheapest (ties count for each); the limit as tau grows is the fraction s solved.
 *
 * @param configurations  the profiled configurations (those the measure applies to)
 * @param problems        every problem of the comparison
 * @param ratios          ratios[s][p]
 */
public record PerformanceProfile(Measure measure, List<String> configurations, List<String> problems,
                                 double[][] ratios) {

    public PerformanceProfile {
        configurations = List.copyOf(configurations);
        problems = List.copyOf(problems);
    }

    /** rho_s(tau) for the configuration at index {@code s}. */
    public double rho(int s, double tau) {
        if (problems.isEmpty()) return 0;
        int within = 0;
        for (double ratio : ratios[s]) {
            if (ratio <= tau) within++;
        }
        return (double) within / problems.size();
    }

    /** Every distinct finite ratio in increasing order: where some rho_s steps up. */
    public double[] taus() {
        return Arrays.stream(ratios).flatMapToDouble(Arrays::stream).filter(Double::isFinite)
                .sorted().distinct().toArray();
    }

    /** The largest finite ratio; NaN when no configuration solved any problem. */
    public double largestFiniteRatio() {
        double[] taus = taus();
        return taus.length == 0 ? Double.NaN : taus[taus.length - 1];
    }
}

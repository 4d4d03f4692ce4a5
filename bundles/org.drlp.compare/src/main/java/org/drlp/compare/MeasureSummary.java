package org.drlp.compare;

/**
 * A configuration's cost in one measure, as shifted geometric means over the same problems for
 * every configuration: those that every configuration with any solved problem solved (so that the
 * means compare like with like; a configuration that solved nothing has no mean).
 *
 * @param sgm       of the per-problem medians over repeats
 * @param sgmMin    of each problem's cheapest repeat: the spread over repeats, low end
 * @param sgmMax    of each problem's costliest repeat: the high end
 * @param problems  how many problems the means are over; NaN means when 0
 */
public record MeasureSummary(Measure measure, double sgm, double sgmMin, double sgmMax, int problems) {
}

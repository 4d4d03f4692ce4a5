package org.drlp.kernel.degeneracy;

import org.drlp.spi.DegeneracyRule;
import org.drlp.spi.DegeneracyView;

/**
 * Counts consecutive zero-length pivots; at {@code limit} of them (a stall) it first re-sides the
 * neurons at their kink, and if that changes nothing or the stall goes on, activates the rule
 * until a pivot makes progress. It re-sides only once per level of the objective: a walk whose
 * "progress" between stalls is round-off (a decrease of 1e-17 that the next refactorisation takes
 * back) would otherwise alternate between re-siding and such steps for ever, never reaching the rule.
 */
abstract class StallWatch implements DegeneracyRule {

    private final int limit;
    private int zeroSteps;
    private boolean active;
    private boolean rebalancedInStall;
    /** The objective when the neurons were last re-sided. */
    private double rebalancedAt = Double.POSITIVE_INFINITY;

    StallWatch(int limit) {
        this.limit = limit;
    }

    @Override
    public final void afterPivot(boolean progressed, DegeneracyView walk) {
        if (progressed) {
            zeroSteps = 0;
            active = false;
            rebalancedInStall = false;
        } else if (++zeroSteps >= limit) {
            double objective = walk.objective();
            boolean lower = rebalancedAt == Double.POSITIVE_INFINITY
                    || objective < rebalancedAt - 1e-12 * (1 + Math.abs(rebalancedAt));
            if (!rebalancedInStall && lower && walk.rebalanceKinks()) {
                zeroSteps = 0;
                rebalancedAt = objective;
            } else {
                active = true;
            }
            rebalancedInStall = true;
        }
    }

    @Override
    public final boolean active() {
        return active;
    }
}

package org.drlp.kernel.degeneracy;

import org.drlp.spi.DegeneracyRule;
import org.drlp.spi.DegeneracyView;

/**
 * Counts consecutive zero-length pivots; at {@code limit} of them (a stall) it first re-sides the
 * neurons at their kink, and if that changes nothing or the stall goes on, activates the rule
 * until a pivot makes progress.
 */
abstract class StallWatch implements DegeneracyRule {

    private final int limit;
    private int zeroSteps;
    private boolean active;
    private boolean rebalancedInStall;

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
            if (!rebalancedInStall && walk.rebalanceKinks()) zeroSteps = 0;
            else active = true;
            rebalancedInStall = true;
        }
    }

    @Override
    public final boolean active() {
        return active;
    }
}

package org.drlp.kernel;

/**
 * What one walk did: pivots, degenerate steps, the anti-cycling rule's work, refactorisations,
 * crossings, and the time spent in each job of a pivot (System.nanoTime around each; no
 * allocation). Mutable, written by the walk.
 */
final class WalkCounters {
    long pivots;
    long zeroSteps;
    long rulePivots;
    long ruleActivations;
    long rebalances;
    long refactorisations;
    long driftChecks;
    long crossings;
    long regionChanges;
    long pricingNanos;
    long lineSearchNanos;
    long directionNanos;
    long refactorNanos;

    WalkCounters copy() {
        WalkCounters c = new WalkCounters();
        c.add(this, 1);
        return c;
    }

    /** Adds sign times the other's counts. */
    void add(WalkCounters o, int sign) {
        pivots += sign * o.pivots;
        zeroSteps += sign * o.zeroSteps;
        rulePivots += sign * o.rulePivots;
        ruleActivations += sign * o.ruleActivations;
        rebalances += sign * o.rebalances;
        refactorisations += sign * o.refactorisations;
        driftChecks += sign * o.driftChecks;
        crossings += sign * o.crossings;
        regionChanges += sign * o.regionChanges;
        pricingNanos += sign * o.pricingNanos;
        lineSearchNanos += sign * o.lineSearchNanos;
        directionNanos += sign * o.directionNanos;
        refactorNanos += sign * o.refactorNanos;
    }
}

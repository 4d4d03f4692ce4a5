package org.example.drlp.bestofk;

import java.util.Map;

import org.drlp.testkit.PivotRuleContract;
import org.junit.jupiter.api.Test;

/** best-of-k against the workbench's contract test kit, from one candidate to more than every edge. */
class BestOfKRuleTest {

    @Test
    void keepsThePivotRuleContractForEveryK() {
        PivotRuleContract.check(new BestOfKRule());
        for (long k : new long[] {1, 2, 3, 100}) PivotRuleContract.check(new BestOfKRule(), Map.of("k", k));
    }
}

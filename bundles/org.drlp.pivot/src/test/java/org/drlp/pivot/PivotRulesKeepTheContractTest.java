package org.drlp.pivot;

import java.util.Map;

import org.drlp.testkit.PivotRuleContract;
import org.junit.jupiter.api.Test;

/** The shipped rules against the plugin contract test kit (the same check a third-party rule runs). */
class PivotRulesKeepTheContractTest {

    @Test
    void everyShippedRuleKeepsThePivotRuleContract() {
        PivotRuleContract.check(new DantzigRule());
        PivotRuleContract.check(new SteepestEdgeRule());
        PivotRuleContract.check(new GreatestImprovementRule());
        PivotRuleContract.check(new BlandRule());
        PivotRuleContract.check(new RandomRule());
        PivotRuleContract.check(new RandomRule(), Map.of("seed", 12345L));
    }
}

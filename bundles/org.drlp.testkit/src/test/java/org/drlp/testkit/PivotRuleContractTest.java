package org.drlp.testkit;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.junit.jupiter.api.Test;

class PivotRuleContractTest {

    /** A provider of one rule, named {@code name}. */
    static PivotRuleProvider provider(String name, PivotRule rule) {
        return new PivotRuleProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "a test rule";
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of();
            }

            @Override
            public PivotRule create(Parameters parameters) {
                return rule;
            }
        };
    }

    static int lastImproving(EdgeView edges) {
        for (int e = edges.size() - 1; e >= 0; e--) if (edges.improving(e)) return e;
        return -1;
    }

    @Test
    void aRuleThatReturnsAnImprovingEdgePasses() {
        PivotRuleContract.check(provider("last", PivotRuleContractTest::lastImproving));
    }

    @Test
    void aRuleReturningTheMostNegativeSlopeIgnoringToleranceIsCaught() {
        // the steepest slope, whether or not the tolerance lets it improve
        PivotRule careless = edges -> {
            int best = 0;
            for (int e = 1; e < edges.size(); e++) if (edges.slope(e) < edges.slope(best)) best = e;
            return best;
        };
        Broken.caught(() -> PivotRuleContract.check(provider("careless", careless)),
                "pivot rule \"careless\"", "which is not improving");
    }

    @Test
    void aRuleThatThrowsOnTiesIsCaught() {
        PivotRule strict = edges -> {
            for (int e = 1; e < edges.size(); e++) {
                if (edges.improving(e) && edges.slope(e) == edges.slope(e - 1)) throw new IllegalStateException("a tie");
            }
            return lastImproving(edges);
        };
        Broken.caught(() -> PivotRuleContract.check(provider("strict", strict)), "threw", "a tie");
    }

    @Test
    void aRuleThatReturnsMinusOneIsCaught() {
        Broken.caught(() -> PivotRuleContract.check(provider("none", edges -> -1)), "returned edge -1, outside");
    }

    @Test
    void aDescriptionOnTwoLinesIsCaught() {
        PivotRuleProvider twoLines = new PivotRuleProvider() {
            @Override
            public String name() {
                return "wordy";
            }

            @Override
            public String description() {
                return "first line\nsecond line";
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of();
            }

            @Override
            public PivotRule create(Parameters parameters) {
                return PivotRuleContractTest::lastImproving;
            }
        };
        Broken.caught(() -> PivotRuleContract.check(twoLines), "description must be one non-blank line");
    }
}

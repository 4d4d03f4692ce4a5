package org.drlp.testkit;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.kernel.degeneracy.BlandAfter;
import org.drlp.kernel.degeneracy.NoRule;
import org.drlp.kernel.degeneracy.RandomAfter;
import org.drlp.kernel.linesearch.Auto;
import org.drlp.kernel.linesearch.Harris;
import org.drlp.kernel.linesearch.WeightedMedian;
import org.drlp.spi.BlockingTies;
import org.drlp.spi.DegeneracyRule;
import org.drlp.spi.DegeneracyRuleProvider;
import org.drlp.spi.DegeneracyView;
import org.drlp.spi.EdgeView;
import org.drlp.spi.LineSearch;
import org.drlp.spi.LineSearchProvider;
import org.drlp.spi.LineView;
import org.junit.jupiter.api.Test;

/** The line-search and anti-cycling contracts on the kernel's shipped strategies and on broken ones. */
class StrategyContractsTest {

    @Test
    void theShippedLineSearchesPass() {
        LineSearchContract.check(new Harris());
        LineSearchContract.check(new WeightedMedian());
        LineSearchContract.check(new Auto());
    }

    @Test
    void theShippedAntiCyclingRulesPass() {
        DegeneracyRuleContract.check(new BlandAfter());
        DegeneracyRuleContract.check(new RandomAfter());
        DegeneracyRuleContract.check(new NoRule());
    }

    private static LineSearchProvider search(LineSearch search) {
        return new LineSearchProvider() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String description() {
                return "a broken search";
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of();
            }

            @Override
            public LineSearch create(Parameters parameters) {
                return search;
            }
        };
    }

    /** Harris' search, with the step or decrease mangled by {@code mangle}. */
    private static LineSearch harrisThen(double stepFactor, double decreaseFactor) {
        LineSearch harris = new Harris().create(null);
        return new LineSearch() {
            @Override
            public int search(LineView line) {
                return harris.search(line);
            }

            @Override
            public double step() {
                return stepFactor * harris.step();
            }

            @Override
            public double decrease() {
                return decreaseFactor * harris.decrease();
            }

            @Override
            public double improvement(LineView line) {
                return decreaseFactor * harris.improvement(line);
            }
        };
    }

    @Test
    void aSearchReportingTheWrongStepIsCaught() {
        Broken.caught(() -> LineSearchContract.check(search(harrisThen(2, 1))), "line search \"broken\"",
                "step() is", "reaches its kink at t =");
    }

    @Test
    void aSearchReportingTheWrongDecreaseIsCaught() {
        Broken.caught(() -> LineSearchContract.check(search(harrisThen(1, 0.5))), "decrease() is", "but f falls by");
    }

    @Test
    void aSearchClaimingUnboundedOnABoundedLineIsCaught() {
        LineSearch never = new LineSearch() {
            @Override
            public int search(LineView line) {
                return -1;
            }

            @Override
            public double step() {
                return 0;
            }

            @Override
            public double decrease() {
                return 0;
            }

            @Override
            public double improvement(LineView line) {
                return Double.POSITIVE_INFINITY;
            }
        };
        Broken.caught(() -> LineSearchContract.check(search(never)), "search returned -1 (unbounded)");
    }

    @Test
    void anActiveRuleChoosingANonImprovingEdgeIsCaught() {
        DegeneracyRuleProvider provider = new DegeneracyRuleProvider() {
            @Override
            public String name() {
                return "first-edge";
            }

            @Override
            public String description() {
                return "always edge 0";
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of();
            }

            @Override
            public DegeneracyRule create(Parameters parameters) {
                return new DegeneracyRule() {
                    @Override
                    public void afterPivot(boolean progressed, DegeneracyView walk) {
                    }

                    @Override
                    public boolean active() {
                        return true;
                    }

                    @Override
                    public int chooseEdge(EdgeView edges) {
                        return 0;
                    }

                    @Override
                    public int chooseBlocking(BlockingTies ties) {
                        return 0;
                    }
                };
            }
        };
        Broken.caught(() -> DegeneracyRuleContract.check(provider), "anti-cycling rule \"first-edge\"",
                "which is not improving");
    }
}

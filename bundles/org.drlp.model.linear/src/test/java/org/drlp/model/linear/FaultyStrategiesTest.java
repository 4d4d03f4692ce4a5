package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.PluginChoice;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.spi.BlockingTies;
import org.drlp.spi.DegeneracyRule;
import org.drlp.spi.DegeneracyRuleProvider;
import org.drlp.spi.DegeneracyView;
import org.drlp.spi.EdgeView;
import org.drlp.spi.LineSearch;
import org.drlp.spi.LineSearchProvider;
import org.drlp.spi.LineView;
import org.drlp.spi.Plugin;
import org.drlp.spi.PresolveProvider;
import org.drlp.spi.Presolver;
import org.drlp.spi.RefactorPolicy;
import org.drlp.spi.RefactorPolicyProvider;
import org.drlp.spi.SeparableProgram;
import org.drlp.spi.StartProvider;
import org.drlp.spi.SubproblemWalks;
import org.drlp.spi.WarmStart;
import org.junit.jupiter.api.Test;

/**
 * A strategy that throws or answers nonsense ends its solve FAILED with a one-line message that
 * names it, and nothing else: the same solver solves the next problem with the defaults.
 */
class FaultyStrategiesTest {

    private static final VertexWalkSolver SOLVER = new VertexWalkSolver();

    private static SolveResult solve(PluginChoice strategy) {
        return SOLVER.solve(new PiecewiseLinearRegression(Fixtures.stackLossDesign(), Fixtures.stackLossTarget(), 4,
                Fixtures.absolute()), new double[4], Fixtures.DANTZIG, SolverOptions.defaults().withStrategy(strategy), null);
    }

    private static void assertFailsNaming(PluginChoice strategy, String owner, String reason) {
        SolveResult result = solve(strategy);
        assertEquals(SolveStatus.FAILED, result.status(), result.message());
        assertTrue(result.message().contains(owner), result.message());
        assertTrue(result.message().contains(reason), result.message());
        assertFalse(result.message().contains("\n"), result.message());
        SolveResult next = SOLVER.solve(new PiecewiseLinearRegression(Fixtures.stackLossDesign(),
                Fixtures.stackLossTarget(), 4, Fixtures.absolute()), new double[4], Fixtures.DANTZIG,
                SolverOptions.defaults(), null);
        assertEquals(SolveStatus.OPTIMAL, next.status(), "only the faulty run fails");
    }

    /** A plugin of the role, named "faulty". */
    private static PluginChoice choice(String role, Object provider) {
        return new PluginChoice(role, "faulty", provider, Parameters.defaults("faulty", List.of()));
    }

    private abstract static class Named implements Plugin {
        @Override
        public String name() {
            return "faulty";
        }

        @Override
        public String description() {
            return "misbehaves on purpose";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }
    }

    private static PluginChoice lineSearch(Supplier<LineSearch> made) {
        return choice("lineSearch", new LineSearchPlugin(made));
    }

    private static final class LineSearchPlugin extends Named implements LineSearchProvider {
        private final Supplier<LineSearch> made;

        LineSearchPlugin(Supplier<LineSearch> made) {
            this.made = made;
        }

        @Override
        public LineSearch create(Parameters parameters) {
            return made.get();
        }
    }

    /** A search that stops where {@code answer} says, with the given step. */
    private static LineSearch stopping(java.util.function.ToIntFunction<LineView> answer, double step) {
        return new LineSearch() {
            @Override
            public int search(LineView line) {
                return answer.applyAsInt(line);
            }

            @Override
            public double step() {
                return step;
            }

            @Override
            public double decrease() {
                return 0;
            }

            @Override
            public double improvement(LineView line) {
                return 0;
            }
        };
    }

    @Test
    void aLineSearchThatThrowsEndsItsRunNamed() {
        assertFailsNaming(lineSearch(() -> stopping(line -> {
            throw new IllegalStateException("boom");
        }, 0)), "line search \"faulty\"", "boom");
    }

    @Test
    void aLineSearchThatStopsAtACriticalNeuronOrANaNStepEndsItsRunNamed() {
        // after the first pivot some neuron is critical: stop there
        assertFailsNaming(lineSearch(() -> stopping(line -> {
            for (int j = 0; j < line.neurons(); j++) {
                if (line.critical(j)) return j;
            }
            return 0;
        }, 0)), "line search \"faulty\"", "critical");
        assertFailsNaming(lineSearch(() -> stopping(line -> line.neurons() + 3, 0)), "line search \"faulty\"",
                "of 21");
        assertFailsNaming(lineSearch(() -> stopping(line -> 0, Double.NaN)), "line search \"faulty\"", "step NaN");
    }

    @Test
    void aLineSearchThatCannotWalkTheProgramSaysSo() {
        assertFailsNaming(lineSearch(() -> new LineSearch() {
            @Override
            public String prepare(org.drlp.spi.ReluProgram program) {
                return "needs a network";
            }

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
                return 0;
            }
        }), "line search \"faulty\"", "needs a network");
        assertFailsNaming(lineSearch(() -> null), "line search \"faulty\"", "created nothing");
    }

    private static final class RulePlugin extends Named implements DegeneracyRuleProvider {
        private final DegeneracyRule rule;

        RulePlugin(DegeneracyRule rule) {
            this.rule = rule;
        }

        @Override
        public DegeneracyRule create(Parameters parameters) {
            return rule;
        }
    }

    /** Active from the first pivot on, choosing as {@code edge} says. */
    private static PluginChoice rule(java.util.function.ToIntFunction<EdgeView> edge) {
        return choice("antiCycling", new RulePlugin(new DegeneracyRule() {
            @Override
            public void afterPivot(boolean progressed, DegeneracyView walk) {
            }

            @Override
            public boolean active() {
                return true;
            }

            @Override
            public int chooseEdge(EdgeView edges) {
                return edge.applyAsInt(edges);
            }

            @Override
            public int chooseBlocking(BlockingTies ties) {
                return 0;
            }
        }));
    }

    @Test
    void anAntiCyclingRuleThatThrowsOrChoosesNonsenseEndsItsRunNamed() {
        assertFailsNaming(rule(edges -> {
            throw new IllegalArgumentException("no edge for you");
        }), "anti-cycling rule \"faulty\"", "no edge for you");
        assertFailsNaming(rule(edges -> 77), "anti-cycling rule \"faulty\"", "chose edge 77");
    }

    private static final class RefactorPlugin extends Named implements RefactorPolicyProvider {
        @Override
        public RefactorPolicy create(Parameters parameters) {
            return new RefactorPolicy() {
                @Override
                public boolean due(long pivots) {
                    if (pivots > 2) throw new ArithmeticException("cannot count");
                    return false;
                }

                @Override
                public void checked(double drift) {
                }
            };
        }
    }

    private static final class StartPlugin extends Named implements StartProvider {
        @Override
        public org.drlp.spi.StartStrategy create(Parameters parameters) {
            return (program, given, names) -> {
                throw new IllegalArgumentException("x.csv:3:1: not a number");
            };
        }
    }

    private static final class PresolvePlugin extends Named implements PresolveProvider {
        @Override
        public Presolver create(Parameters parameters) {
            return new Presolver() {
                @Override
                public boolean applies(SeparableProgram program) {
                    return true;
                }

                @Override
                public WarmStart presolve(SeparableProgram program, WarmStart start, SubproblemWalks walks) {
                    throw new UnsupportedOperationException("no subsample today");
                }
            };
        }
    }

    @Test
    void aRefactorPolicyStartOrPresolveThatThrowsEndsItsRunNamed() {
        assertFailsNaming(choice("refactor", new RefactorPlugin()), "refactorisation policy \"faulty\"", "cannot count");
        assertFailsNaming(choice("start", new StartPlugin()), "start \"faulty\"", "x.csv:3:1: not a number");
        assertFailsNaming(choice("presolve", new PresolvePlugin()), "presolve \"faulty\"", "no subsample today");
    }

    @Test
    void aWeightedMedianOnANonConvexProgramSaysItCannot() {
        // a loss with a concave kink: slopes 1 then -1
        SolveResult result = SOLVER.solve(new PiecewiseLinearRegression(Fixtures.stackLossDesign(),
                Fixtures.stackLossTarget(), 4, Fixtures.loss(new double[] {0, 1, -1})), new double[4],
                Fixtures.DANTZIG, SolverOptions.defaults().withStrategy(
                        Strategies.choice("lineSearch", "weighted-median", Map.of())), null);
        assertEquals(SolveStatus.FAILED, result.status(), result.message());
        assertTrue(result.message().contains("line search \"weighted-median\" cannot walk this program"),
                result.message());
    }
}

package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.drlp.api.PluginChoice;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStage;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.model.linear.DegenerateProblems.Problem;
import org.drlp.model.linear.DegenerateProblems.Shape;
import org.drlp.model.linear.RealPlugins.Loss;
import org.drlp.model.linear.RealPlugins.Rule;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Every shipped strategy of the walk, and every combination of them, on the degenerate property
 * families (ties, duplicate rows, collinear and constant columns, p > n, equal targets, scaled
 * data): each solve ends OPTIMAL at the LP oracle's optimum with a certificate whose dual proves it
 * (a walk without anti-cycling may instead stop at its iteration limit), the objective never rises,
 * and the stages' counters add up (pivots to iterations, timed parts within each stage's time,
 * stage times within the solve's).
 */
class StrategyCombinationsPropertyTest {

    private static final long ITERATION_LIMIT = 20_000;

    enum LineSearch { AUTO, HARRIS, WEIGHTED_MEDIAN, CROSSING }

    enum AntiCycling { BLAND_AFTER_50, BLAND_AFTER_1, RANDOM_AFTER_1, NONE }

    enum Refactor { EVERY_200, EVERY_1, ADAPTIVE }

    enum Presolve { NONE, FORCED }

    enum Start { PHASE_1, POINT }

    record Combination(LineSearch lineSearch, AntiCycling antiCycling, Refactor refactor, Presolve presolve,
                       Start start) {

        SolverOptions options(int n, long seed) {
            SolverOptions options = SolverOptions.defaults().withMaxIterations(ITERATION_LIMIT);
            options = options.withStrategy(Strategies.choice("lineSearch",
                    lineSearch.name().toLowerCase().replace('_', '-'), Map.of()));
            options = options.withStrategy(switch (antiCycling) {
                case BLAND_AFTER_50 -> Strategies.choice("antiCycling", "bland-after", Map.of());
                case BLAND_AFTER_1 -> Strategies.choice("antiCycling", "bland-after", Map.of("zeroSteps", 1L));
                case RANDOM_AFTER_1 -> Strategies.choice("antiCycling", "random-after",
                        Map.of("zeroSteps", 1L, "seed", seed));
                case NONE -> Strategies.choice("antiCycling", "none", Map.of());
            });
            options = options.withStrategy(switch (refactor) {
                case EVERY_200 -> Strategies.choice("refactor", "every", Map.of());
                case EVERY_1 -> Strategies.choice("refactor", "every", Map.of("pivots", 1L));
                case ADAPTIVE -> Strategies.choice("refactor", "adaptive", Map.of("pivots", 2L));
            });
            options = options.withStrategy(Strategies.presolve(presolve == Presolve.NONE ? "off" : "on"));
            if (start == Start.POINT) options = options.withStrategy(point(n, seed));
            return options;
        }
    }

    /** A random start point away from the model's (a warm start from elsewhere). */
    static PluginChoice point(int n, long seed) {
        Random random = new Random(seed);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i++) values.add(3 * random.nextGaussian());
        return Strategies.choice("start", "point", Map.of("values", values));
    }

    static List<Combination> all() {
        List<Combination> out = new ArrayList<>();
        for (LineSearch l : LineSearch.values()) {
            for (AntiCycling a : AntiCycling.values()) {
                for (Refactor r : Refactor.values()) {
                    for (Presolve p : Presolve.values()) {
                        for (Start s : Start.values()) out.add(new Combination(l, a, r, p, s));
                    }
                }
            }
        }
        return out;
    }

    @Property(tries = 1500, seed = "1111")
    void anyCombinationReachesTheOracleOptimumWithACertificate(@ForAll Shape shape, @ForAll Loss loss,
            @ForAll Rule rule, @ForAll LineSearch lineSearch, @ForAll AntiCycling antiCycling,
            @ForAll Refactor refactor, @ForAll Presolve presolve, @ForAll Start start,
            @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Problem problem = DegenerateProblems.generate(shape, seed);
        Combination combination = new Combination(lineSearch, antiCycling, refactor, presolve, start);
        solveAndCheck(problem, loss, rule, combination, seed);
    }

    /** All 192 combinations on one problem of each family. */
    @Test
    void everyCombinationOnEveryFamily() {
        long seed = 5;
        for (Shape shape : Shape.values()) {
            Problem problem = DegenerateProblems.generate(shape, seed++);
            for (Combination combination : all()) solveAndCheck(problem, Loss.QUANTILE_33, Rule.DANTZIG, combination, seed);
        }
    }

    private static void solveAndCheck(Problem problem, Loss loss, Rule rule, Combination combination, long seed) {
        SolveResult result = DegenerateDataPropertyTest.check(problem, loss, rule,
                combination.options(problem.n(), seed), combination.toString(), seed,
                combination.antiCycling() == AntiCycling.NONE);
        String context = problem + ", " + combination;
        assertStagesAddUp(result, context);
        if (combination.presolve() == Presolve.NONE && result.status() == SolveStatus.OPTIMAL) {
            List<String> names = result.stages().stream().map(SolveStage::name).toList();
            assertEquals(List.of("start", "final"), names, context);
        }
    }

    static void assertStagesAddUp(SolveResult result, String context) {
        List<SolveStage> stages = result.stages();
        assertEquals(result.iterations(), stages.stream().mapToLong(SolveStage::pivots).sum(), context + ": " + stages);
        double total = 0;
        for (SolveStage stage : stages) {
            double parts = stage.pricingSeconds() + stage.lineSearchSeconds() + stage.directionSeconds()
                    + stage.refactorSeconds();
            assertTrue(parts <= stage.seconds() + 1e-6, context + ": " + stage);
            assertTrue(stage.zeroLengthPivots() <= stage.pivots() && stage.blandPivots() <= stage.pivots()
                    && stage.driftChecks() <= stage.refactorisations(), context + ": " + stage);
            total += stage.seconds();
        }
        assertTrue(total <= result.seconds() + 1e-9, context + ": " + total + " s of " + result.seconds());
    }
}

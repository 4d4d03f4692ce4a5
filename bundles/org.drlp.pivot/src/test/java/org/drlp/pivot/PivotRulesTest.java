package org.drlp.pivot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.drlp.api.ParameterSpec;
import org.drlp.api.ParameterType;
import org.drlp.api.Parameters;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.junit.jupiter.api.Test;

class PivotRulesTest {

    private static final List<PivotRuleProvider> PROVIDERS = List.of(new DantzigRule(), new SteepestEdgeRule(),
            new GreatestImprovementRule(), new BlandRule(), new RandomRule());

    private static PivotRule create(PivotRuleProvider provider) {
        return provider.create(Parameters.defaults("pivot \"" + provider.name() + "\"", provider.parameters()));
    }

    private static PivotRule random(long seed) {
        RandomRule provider = new RandomRule();
        return provider.create(Parameters.resolve("pivot \"random\"", provider.parameters(), Map.of("seed", seed), null));
    }

    @Test
    void providersAreNamedAndDescribedOnOneLine() {
        assertEquals(List.of("dantzig", "steepest-edge", "greatest-improvement", "bland", "random"),
                PROVIDERS.stream().map(PivotRuleProvider::name).collect(Collectors.toList()));
        for (PivotRuleProvider provider : PROVIDERS) {
            String description = provider.description();
            assertFalse(description.isBlank(), provider.name());
            assertFalse(description.contains("\n"), provider.name());
        }
    }

    @Test
    void onlyRandomTakesAParameterASeedDefaultingToOne() {
        for (PivotRuleProvider provider : PROVIDERS) {
            if (!provider.name().equals("random")) assertEquals(List.of(), provider.parameters(), provider.name());
        }
        ParameterSpec seed = new RandomRule().parameters().get(0);
        assertEquals("seed", seed.name());
        assertEquals(ParameterType.INTEGER, seed.type());
        assertEquals(1L, seed.defaultValue());
    }

    @Test
    void dantzigTakesTheMostNegativeSlopeAndTheLowestIndexOnTies() {
        FakeEdges edges = FakeEdges.ofSlopes(0.5, -1, -3, -3, 2, -0.1);
        assertEquals(2, create(new DantzigRule()).choose(edges));
    }

    @Test
    void steepestEdgeDividesTheSlopeByTheEdgeLength() {
        FakeEdges edges = FakeEdges.ofSlopes(-3, -2, 1, -1);
        edges.normSquared[0] = 9; // -3 / 3 = -1
        edges.normSquared[1] = 1; // -2 / 1 = -2
        edges.normSquared[3] = 0.16; // -1 / 0.4 = -2.5
        assertEquals(3, create(new SteepestEdgeRule()).choose(edges));
        edges.normSquared[3] = 1;
        assertEquals(1, create(new SteepestEdgeRule()).choose(edges));
    }

    @Test
    void greatestImprovementTakesTheLargestDecreaseThenTheSteeperSlope() {
        FakeEdges edges = FakeEdges.ofSlopes(-1, -1, -2, -5, 3, -1);
        double[] improvement = {1, 5, 5, 4, 0, 2};
        System.arraycopy(improvement, 0, edges.improvement, 0, improvement.length);
        assertEquals(2, create(new GreatestImprovementRule()).choose(edges));
        edges.improvement[5] = Double.POSITIVE_INFINITY; // an unbounded edge beats every bounded one
        assertEquals(5, create(new GreatestImprovementRule()).choose(edges));
    }

    @Test
    void blandTakesTheSmallestNeuronIndex() {
        FakeEdges edges = FakeEdges.ofSlopes(-5, 1, -1, -0.5, -9, 2);
        edges.neuronAtPosition[0] = 5;
        edges.neuronAtPosition[1] = 2;
        edges.neuronAtPosition[2] = 7;
        assertEquals(2, create(new BlandRule()).choose(edges));
    }

    @Test
    void blandTakesFreeDirectionsFirstByPosition() {
        FakeEdges edges = FakeEdges.ofSlopes(-5, 1, 2, -1, 3, -4);
        edges.neuronAtPosition[0] = 0;
        edges.neuronAtPosition[1] = -1;
        edges.neuronAtPosition[2] = -1;
        assertEquals(3, create(new BlandRule()).choose(edges));
    }

    @Test
    void noRuleTakesANonImprovingEdgeHoweverAttractiveItLooks() {
        // edge 1 has the best slope, length, improvement and neuron, but is within the slope tolerance
        FakeEdges edges = new FakeEdges(new double[] {-1, -100, -2, 0}, new boolean[] {true, false, true, false},
                new double[] {1, 1e-6, 1, 1}, new double[] {1, 1e9, 1, 0}, new int[] {-1, 3});
        for (PivotRuleProvider provider : PROVIDERS) {
            PivotRule rule = create(provider);
            for (int call = 0; call < 50; call++) {
                int chosen = rule.choose(edges);
                assertTrue(chosen == 0 || chosen == 2, provider.name() + " chose " + chosen);
            }
        }
    }

    /** Each rule against a brute-force statement of its definition, on many random vertices with ties. */
    @Test
    void rulesAgreeWithTheirDefinitionsOnRandomVertices() {
        SplittableRandom random = new SplittableRandom(20240601);
        for (int trial = 0; trial < 3000; trial++) {
            FakeEdges edges = randomVertex(random);
            int[] improving = IntStream.range(0, edges.size()).filter(e -> edges.improving[e]).toArray();
            if (improving.length == 0) continue;

            assertEquals(best(improving, Comparator.comparingDouble(e -> edges.slope[e])),
                    DantzigRule.choose(edges), "dantzig");
            assertEquals(best(improving, Comparator.comparingDouble(e -> edges.slope[e] / Math.sqrt(edges.normSquared[e]))),
                    SteepestEdgeRule.choose(edges), "steepest-edge");
            assertEquals(best(improving, Comparator.<Integer>comparingDouble(e -> -edges.improvement[e])
                            .thenComparingDouble(e -> edges.slope[e])), GreatestImprovementRule.choose(edges),
                    "greatest-improvement");
            ToIntFunction<Integer> blandKey = e -> edges.neuron(e) < 0 ? Integer.MIN_VALUE : edges.neuron(e);
            assertEquals(best(improving, Comparator.comparingInt(blandKey)), BlandRule.choose(edges), "bland");
        }
    }

    /** The smallest improving edge by the key, the lowest index among equals. */
    private static int best(int[] improving, Comparator<Integer> key) {
        return Arrays.stream(improving).boxed().min(key.thenComparingInt(e -> e)).orElseThrow();
    }

    /** Slopes, lengths and improvements from small sets so that ties are common; some edges masked by tolerance. */
    private static FakeEdges randomVertex(SplittableRandom random) {
        int positions = 1 + random.nextInt(6), size = 2 * positions;
        double[] slope = new double[size], normSquared = new double[size], improvement = new double[size];
        boolean[] improving = new boolean[size];
        for (int e = 0; e < size; e++) {
            slope[e] = random.nextInt(-4, 3);
            improving[e] = slope[e] < 0 && random.nextInt(5) > 0;
            normSquared[e] = new double[] {0.25, 1, 4}[random.nextInt(3)];
            improvement[e] = random.nextInt(8) == 0 ? Double.POSITIVE_INFINITY : random.nextInt(3);
        }
        int[] neurons = random.ints(0, 30).distinct().limit(positions).toArray();
        for (int k = 0; k < positions; k++) if (random.nextInt(4) == 0) neurons[k] = -1;
        return new FakeEdges(slope, improving, normSquared, improvement, neurons);
    }

    @Test
    void randomRepeatsItsChoicesForTheSameSeedAndNotForAnother() {
        FakeEdges edges = FakeEdges.ofSlopes(-1, 2, -1, -1, 0, -1, -1, 3);
        int[] first = draws(random(42), edges, 200), again = draws(random(42), edges, 200);
        assertEquals(Arrays.toString(first), Arrays.toString(again));
        assertNotEquals(Arrays.toString(first), Arrays.toString(draws(random(43), edges, 200)));
        assertNotEquals(Arrays.toString(first), Arrays.toString(draws(create(new RandomRule()), edges, 200)));
    }

    @Test
    void randomCoversEveryImprovingEdgeUniformlyAndNoOther() {
        FakeEdges edges = FakeEdges.ofSlopes(-1, 2, -1, -1, 0, -1, -1, 3);
        int draws = 60_000;
        int[] counts = new int[edges.size()];
        for (int chosen : draws(random(7), edges, draws)) counts[chosen]++;
        double expected = draws / 5.0, chiSquare = 0;
        for (int e = 0; e < edges.size(); e++) {
            if (!edges.improving(e)) {
                assertEquals(0, counts[e], "non-improving edge " + e);
                continue;
            }
            chiSquare += (counts[e] - expected) * (counts[e] - expected) / expected;
        }
        // 4 degrees of freedom: P(chi-square > 18.5) < 0.001
        assertTrue(chiSquare < 18.5, "counts " + Arrays.toString(counts) + " are not uniform");
    }

    private static int[] draws(PivotRule rule, FakeEdges edges, int count) {
        int[] chosen = new int[count];
        for (int i = 0; i < count; i++) chosen[i] = rule.choose(edges);
        return chosen;
    }

    /** The rules run once per pivot on every edge: they must not allocate. */
    @Test
    void choosingAllocatesNothing() {
        FakeEdges edges = randomVertex(new SplittableRandom(3));
        Arrays.fill(edges.improving, true);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM cannot count allocated bytes");
        long thread = Thread.currentThread().getId();
        for (PivotRuleProvider provider : PROVIDERS) {
            PivotRule rule = create(provider);
            int sink = 0;
            for (int warm = 0; warm < 20_000; warm++) sink += rule.choose(edges);
            long before = threads.getThreadAllocatedBytes(thread);
            for (int call = 0; call < 100_000; call++) sink += rule.choose(edges);
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertTrue(allocated < 10_000, provider.name() + " allocated " + allocated + " bytes in 100000 calls");
            assertTrue(sink >= 0);
        }
    }
}

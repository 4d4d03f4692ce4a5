package org.drlp.testkit;

import java.util.Map;
import java.util.SplittableRandom;

import org.drlp.spi.EdgeView;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.drlp.spi.PluginRole;

/**
 * The pivot rule's contract: declarations on one line; on random priced vertices (one rule kept over
 * many calls, as a solve keeps it) and on degenerate ones (every improving edge tied, zero slopes and
 * lengths, unbounded improvements, a single improving edge among many) {@code choose} returns an
 * improving edge and never throws.
 */
public final class PivotRuleContract {

    /** Random vertices per check. */
    public static final int VERTICES = 2000;

    private PivotRuleContract() {
    }

    /** Checks the provider with its default parameters. */
    public static void check(PivotRuleProvider provider) {
        check(provider, Map.of());
    }

    /** Checks the provider with the parameters a spec would give. */
    public static void check(PivotRuleProvider provider, Map<String, ?> parameters) {
        Contracts.checkDeclarations(PluginRole.PIVOT, provider);
        String owner = PluginRole.PIVOT.owner(provider.name());
        PivotRule rule = provider.create(Contracts.parameters(PluginRole.PIVOT, provider, parameters));
        if (rule == null) Contracts.fail(owner + ": create returned null");
        SplittableRandom random = new SplittableRandom(17);
        for (int vertex = 0; vertex < VERTICES; vertex++) {
            choose(owner, rule, PricedEdges.random(random).atIteration(vertex), "random vertex " + vertex);
        }
        for (int positions = 1; positions <= 6; positions++) {
            for (EdgeView degenerate : degenerate(positions)) {
                choose(owner, rule, degenerate, "degenerate vertex");
            }
        }
    }

    /** The rule's choice on one vertex, failing unless it is an improving edge. */
    static int choose(String owner, PivotRule rule, EdgeView edges, String what) {
        int chosen;
        try {
            chosen = rule.choose(edges);
        } catch (RuntimeException e) {
            throw Contracts.failure(owner + " threw " + e + " on " + what + ": " + edges, e);
        }
        if (chosen < 0 || chosen >= edges.size()) {
            Contracts.fail(owner + " returned edge " + chosen + ", outside [0, " + edges.size() + "), on " + what
                    + ": " + edges);
        }
        if (!edges.improving(chosen)) {
            Contracts.fail(owner + " returned edge " + chosen + ", which is not improving (slope "
                    + edges.slope(chosen) + "), on " + what + ": " + edges);
        }
        return chosen;
    }

    private static EdgeView[] degenerate(int positions) {
        int size = 2 * positions;
        double[] tied = new double[size], unit = new double[size], zero = new double[size], infinite = new double[size];
        boolean[] all = new boolean[size], last = new boolean[size];
        int[] neurons = new int[positions], free = new int[positions];
        for (int e = 0; e < size; e++) {
            tied[e] = -1;
            unit[e] = 1;
            infinite[e] = Double.POSITIVE_INFINITY;
            all[e] = true;
        }
        last[size - 1] = true;
        for (int k = 0; k < positions; k++) {
            neurons[k] = 7;
            free[k] = -1;
        }
        double[] lastOnly = new double[size];
        java.util.Arrays.fill(lastOnly, -100);
        lastOnly[size - 1] = -1e-300;
        return new EdgeView[] {
                // every edge improving with the same slope, length, gain and neuron
                new PricedEdges(tied, all, unit, unit, neurons),
                // improving with zero slope (the tolerance said so), zero length and zero gain
                new PricedEdges(zero, all, zero, zero, free),
                // every improvement unbounded
                new PricedEdges(tied, all, unit, infinite, neurons),
                // one barely improving edge last, the others attractive but not improving
                new PricedEdges(lastOnly, last, zero, infinite, free)};
    }
}

package org.drlp.testkit;

import java.util.Map;
import java.util.SplittableRandom;

import org.drlp.spi.BlockingTies;
import org.drlp.spi.DegeneracyRule;
import org.drlp.spi.DegeneracyRuleProvider;
import org.drlp.spi.DegeneracyView;
import org.drlp.spi.PluginRole;

/**
 * An anti-cycling rule's contract, over walks of random pivots with long stalls (runs of zero-length
 * pivots): {@code afterPivot} never throws; while {@code active()}, {@code chooseEdge} returns an
 * improving edge of random and degenerate vertices and {@code chooseBlocking} a tie in range.
 */
public final class DegeneracyRuleContract {

    private DegeneracyRuleContract() {
    }

    public static void check(DegeneracyRuleProvider provider) {
        check(provider, Map.of());
    }

    public static void check(DegeneracyRuleProvider provider, Map<String, ?> parameters) {
        Contracts.checkDeclarations(PluginRole.ANTI_CYCLING, provider);
        String owner = PluginRole.ANTI_CYCLING.owner(provider.name());
        SplittableRandom random = new SplittableRandom(53);
        for (int walk = 0; walk < 20; walk++) {
            DegeneracyRule rule = provider.create(Contracts.parameters(PluginRole.ANTI_CYCLING, provider, parameters));
            if (rule == null) Contracts.fail(owner + ": create returned null");
            Walk view = new Walk();
            for (int pivot = 0; pivot < 300; pivot++) {
                // stalls of up to 60 pivots between progress
                boolean progressed = random.nextInt(60) == 0;
                view.iteration++;
                if (progressed) view.objective -= random.nextDouble();
                String where = " in walk " + walk + " after pivot " + view.iteration;
                try {
                    rule.afterPivot(progressed, view);
                } catch (RuntimeException e) {
                    throw Contracts.failure(owner + ": afterPivot threw " + e + where, e);
                }
                if (!rule.active()) continue;
                PricedEdges edges = PricedEdges.random(random).atIteration(view.iteration);
                PivotRuleContract.choose(owner + " (chooseEdge)", rule::chooseEdge, edges, "a vertex" + where);
                Ties ties = Ties.random(random);
                int q;
                try {
                    q = rule.chooseBlocking(ties);
                } catch (RuntimeException e) {
                    throw Contracts.failure(owner + ": chooseBlocking threw " + e + where, e);
                }
                if (q < 0 || q >= ties.count()) {
                    Contracts.fail(owner + ": chooseBlocking returned " + q + ", outside [0, " + ties.count() + ")" + where);
                }
            }
        }
    }

    private static final class Walk implements DegeneracyView {
        long iteration;
        double objective = 100;

        @Override
        public boolean rebalanceKinks() {
            return false;
        }

        @Override
        public double objective() {
            return objective;
        }

        @Override
        public long iteration() {
            return iteration;
        }
    }

    private record Ties(int[] neurons, double[] rates) implements BlockingTies {
        static Ties random(SplittableRandom random) {
            int count = 1 + random.nextInt(5);
            int[] neurons = random.ints(0, 200).distinct().limit(count).sorted().toArray();
            double[] rates = new double[count];
            for (int q = 0; q < count; q++) rates[q] = -random.nextDouble() - 1e-3;
            return new Ties(neurons, rates);
        }

        @Override
        public int count() {
            return neurons.length;
        }

        @Override
        public int neuron(int q) {
            return neurons[q];
        }

        @Override
        public double rate(int q) {
            return rates[q];
        }
    }
}

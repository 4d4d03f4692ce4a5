package org.example.drlp.lifo;

import org.drlp.spi.BlockingTies;
import org.drlp.spi.DegeneracyRule;
import org.drlp.spi.DegeneracyView;
import org.drlp.spi.EdgeView;

/**
 * One walk's last-in-first-out rule (see {@link LastInFirstOutRule}). It stamps each neuron with the
 * rule's pivot count when the neuron last joined or left the critical set under the rule; a
 * neuron never seen to move has stamp 0, and equal stamps go to the smaller index (Bland's order).
 * No allocation per pivot: the stamps grow by doubling to the largest neuron index seen.
 */
final class LastInFirstOut implements DegeneracyRule {

    private final int limit;
    private int zeroSteps;
    private boolean active;
    private boolean rebalancedInStall;
    /** The objective when the neurons were last re-sided: once per level, or round-off "progress" loops. */
    private double rebalancedAt = Double.POSITIVE_INFINITY;

    private long[] stamp = new long[64];
    private long clock;
    /** The edge the rule chose last, while the rule is active: its position now holds the neuron that entered. */
    private int chosenEdge = -1;

    LastInFirstOut(int limit) {
        this.limit = limit;
    }

    @Override
    public void afterPivot(boolean progressed, DegeneracyView walk) {
        if (progressed) {
            zeroSteps = 0;
            active = false;
            rebalancedInStall = false;
            chosenEdge = -1;
        } else if (++zeroSteps >= limit) {
            double objective = walk.objective();
            boolean lower = rebalancedAt == Double.POSITIVE_INFINITY
                    || objective < rebalancedAt - 1e-12 * (1 + Math.abs(rebalancedAt));
            if (!rebalancedInStall && lower && walk.rebalanceKinks()) {
                zeroSteps = 0;
                rebalancedAt = objective;
            } else {
                active = true;
            }
            rebalancedInStall = true;
        }
    }

    @Override
    public boolean active() {
        return active;
    }

    @Override
    public int chooseEdge(EdgeView edges) {
        if (chosenEdge >= 0 && chosenEdge < edges.size()) {
            // the last pivot put its entering neuron at the chosen edge's position
            int entered = edges.neuron(chosenEdge);
            if (entered >= 0) stamp(entered, clock);
        }
        int best = -1;
        long bestStamp = -1;
        int bestNeuron = -1;
        for (int e = 0; e < edges.size(); e++) {
            if (!edges.improving(e)) continue;
            int neuron = edges.neuron(e);
            long s = stampOf(neuron);
            if (best < 0 || s > bestStamp || (s == bestStamp && neuron < bestNeuron)) {
                best = e;
                bestStamp = s;
                bestNeuron = neuron;
            }
        }
        clock++;
        if (best >= 0 && bestNeuron >= 0) stamp(bestNeuron, clock);
        chosenEdge = best;
        return best;
    }

    @Override
    public int chooseBlocking(BlockingTies ties) {
        int best = 0;
        long bestStamp = stampOf(ties.neuron(0));
        for (int q = 1; q < ties.count(); q++) {
            long s = stampOf(ties.neuron(q));
            // ties come in increasing neuron order: a strictly later stamp wins, else the smaller index stays
            if (s > bestStamp) {
                best = q;
                bestStamp = s;
            }
        }
        return best;
    }

    private long stampOf(int neuron) {
        return neuron >= 0 && neuron < stamp.length ? stamp[neuron] : 0;
    }

    private void stamp(int neuron, long value) {
        if (neuron >= stamp.length) {
            long[] grown = new long[Math.max(2 * stamp.length, neuron + 1)];
            System.arraycopy(stamp, 0, grown, 0, stamp.length);
            stamp = grown;
        }
        stamp[neuron] = value;
    }
}

package org.drlp.kernel;

import org.drlp.kernel.basis.EdgeDirections;
import org.drlp.kernel.linesearch.EdgeLine;
import org.drlp.kernel.pricing.EdgePricing;

/** The walk's primitives, one at a time, on a walk's own state: the benchmark's probes, kept out of the kernel. */
final class WalkPrimitives {

    private WalkPrimitives() {
    }

    /** The line along d_k with its rates, bound for a search (v and rates are the caller's). */
    static EdgeLine lineAlong(VertexWalk walk, int k, double[] v, double[] rates, double slope) {
        int n = v.length;
        System.arraycopy(walk.basis().matrix(), k * n, v, 0, n);
        walk.program().directional(v, rates);
        double norm = 0;
        for (int i = 0; i < n; i++) norm += v[i] * v[i];
        return walk.line().bind(v, rates, Math.sqrt(norm), slope, 0);
    }

    /** Prices every edge afresh (the walk's pricing). */
    static EdgePricing priceAll(VertexWalk walk) {
        EdgePricing pricing = walk.pricing();
        pricing.price(walk.iteration());
        return pricing;
    }

    /**
     * Basis update: neuron r (not critical) replaces position k and then the old neuron comes back,
     * two Sherman-Morrison updates of D that leave the walk where it was (up to round-off).
     */
    static void exchangeAndBack(VertexWalk walk, int k, int r) {
        EdgeDirections basis = walk.basis();
        int old = basis.critical(k);
        basis.replace(k, r, Double.NaN);
        basis.replace(k, old, Double.NaN);
    }
}

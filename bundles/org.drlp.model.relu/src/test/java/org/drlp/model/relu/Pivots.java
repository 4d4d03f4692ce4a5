package org.drlp.model.relu;

import org.drlp.spi.PivotRule;

/** Pivot rules for the tests (the pivot bundle is not a dependency of this one). */
final class Pivots {

    private Pivots() {
    }

    static final PivotRule DANTZIG = edges -> {
        int best = -1;
        for (int e = 0; e < edges.size(); e++) {
            if (edges.improving(e) && (best < 0 || edges.slope(e) < edges.slope(best))) best = e;
        }
        return best;
    };

    static final PivotRule STEEPEST = edges -> {
        int best = -1;
        double bestScore = 0;
        for (int e = 0; e < edges.size(); e++) {
            if (!edges.improving(e)) continue;
            double score = edges.slope(e) / Math.sqrt(edges.normSquared(e));
            if (best < 0 || score < bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return best;
    };
}

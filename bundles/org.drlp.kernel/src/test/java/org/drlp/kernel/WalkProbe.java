package org.drlp.kernel;

import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.drlp.api.SolverOptions;
import org.drlp.kernel.pricing.EdgePricing;

/** Checks of a walk's state against recomputation, for tests: kept out of the production class. */
final class WalkProbe {

    private WalkProbe() {
    }

    /** The direction of edge e at the walk's current vertex (a copy). */
    static double[] edgeDirection(VertexWalk walk, int e) {
        double[] out = new double[walk.pricing().size() / 2];
        walk.basis().edgeDirection(e, out);
        return out;
    }

    /** Prices the edges afresh and returns the slopes (a copy). */
    static double[] pricedSlopes(VertexWalk walk) {
        EdgePricing pricing = walk.pricing();
        pricing.price(walk.iteration());
        double[] slopes = new double[pricing.size()];
        for (int e = 0; e < slopes.length; e++) slopes[e] = pricing.slope(e);
        return slopes;
    }

    /**
     * Largest deviation of the maintained edge directions from A^-1 recomputed (commons-math LU)
     * from the critical normals, relative to the largest entry; does not change the walk's state.
     */
    static double directionDrift(VertexWalk walk) {
        int n = walk.pricing().size() / 2;
        RealMatrix matrix = new Array2DRowRealMatrix(n, n);
        double[] normal = new double[n];
        for (int k = 0; k < n; k++) {
            walk.basis().criticalNormal(k, normal);
            matrix.setRow(k, normal);
        }
        RealMatrix inverse = new LUDecomposition(matrix).getSolver().getInverse();
        double[] directions = walk.basis().matrix();
        double drift = 0, largest = 0;
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                drift = Math.max(drift, Math.abs(inverse.getEntry(i, k) - directions[k * n + i]));
                largest = Math.max(largest, Math.abs(directions[k * n + i]));
            }
        }
        return drift / Math.max(1, largest);
    }

    /** Options with a shipped strategy for a role. */
    static SolverOptions with(SolverOptions options, String role, String name) {
        return options.withStrategy(ShippedStrategies.choice(role, name, Map.of()));
    }
}

package org.drlp.api;

/**
 * What the end point proves about itself.
 *
 * @param minEdgeSlope          smallest of the 2n edge slopes at the end point (>= -slopeTolerance
 *                              means a local minimum)
 * @param slopeTolerance        the tolerance the slopes were judged with
 * @param edges                 number of priced edges (2n at a vertex)
 * @param flatDirections        directions left free because the objective is flat along a whole
 *                              line there (a rank-deficient design, a dead unit); 0 at a vertex
 * @param maxCriticalResidual   largest |preactivation| over the critical neurons, recomputed
 * @param recomputedObjective   the objective recomputed from scratch at the end point
 * @param dual                  for separable (linear-model) programs the dual vector, one entry per
 *                              neuron (for LAD: lambda_i in [-1, 1]); null otherwise
 * @param dualMaxViolation      largest distance of a dual entry outside its interval; NaN without dual
 * @param stationarityResidual  max-norm of c + sum_j lambda_j a_j, recomputed; NaN without dual
 */
public record Certificate(double minEdgeSlope, double slopeTolerance, int edges, int flatDirections,
                          double maxCriticalResidual, double recomputedObjective, double[] dual,
                          double dualMaxViolation, double stationarityResidual) {

    /** True when every edge slope is non-negative up to the tolerance. */
    public boolean isLocallyOptimal() {
        return minEdgeSlope >= -slopeTolerance;
    }
}

package org.drlp.api;

/**
 * Counters of one stage of a solve: a walk on one program. A solve without a presolve has one stage,
 * {@code final}; a presolved regression has its subsample solve ({@code subsample}), its reduced solves
 * ({@code band-1}, {@code band-2}, ...) and the final walk on the full program ({@code final}); a
 * presolved subsample prefixes its own stages with {@code subsample/}. The stages' pivots add up to
 * {@link SolveResult#iterations()}.
 *
 * @param name              the stage, as in trace.csv's {@code stage} column
 * @param rows              rows of the stage's program (data rows of a separable program; its neurons otherwise)
 * @param pivots            pivots of the stage
 * @param seconds           wall-clock time of the stage
 * @param zeroLengthPivots  pivots of zero length (degenerate steps)
 * @param blandPivots       pivots chosen by the degeneracy rule (Bland's), after a stall
 * @param rebalances        stalls met by re-siding the neurons at their kink
 * @param refactorisations  recomputations of the edge directions from the data (each with its drift check)
 * @param breakpointsCrossed neurons the line search walked through (pass-through crossings)
 * @param regionChanges     neurons flipped: region changes at a vertex plus the crossings
 * @since 2.0
 */
public record SolveStage(String name, long rows, long pivots, double seconds, long zeroLengthPivots,
                         long blandPivots, long rebalances, long refactorisations, long breakpointsCrossed,
                         long regionChanges) {
}

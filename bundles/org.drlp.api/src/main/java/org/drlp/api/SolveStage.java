package org.drlp.api;

/**
 * Counters of one stage of a solve: a walk, or a phase of one, on one program. A solve without a
 * presolve has the free-direction phase from the start point ({@code start}) and the walk after it
 * ({@code final}); a presolved regression has its subsample solve ({@code subsample/start},
 * {@code subsample}), its reduced solves ({@code band-1}, {@code band-2}, ...) and the final walk on
 * the full program ({@code final}); a presolved subsample prefixes its own stages with
 * {@code subsample/}. A walk started at a basis (a warm start) has no start phase. The stages'
 * pivots add up to {@link SolveResult#iterations()} and their seconds to at most
 * {@link SolveResult#seconds()}; each stage's timed parts add up to at most its seconds.
 *
 * @param name              the stage, as in trace.csv's {@code stage} column
 * @param rows              rows of the stage's program (data rows of a separable program; its neurons otherwise)
 * @param pivots            pivots of the stage
 * @param seconds           wall-clock time of the stage
 * @param zeroLengthPivots  pivots of zero length (degenerate steps)
 * @param blandPivots       pivots chosen by the anti-cycling rule (Bland's by default), after a stall
 * @param rebalances        stalls met by re-siding the neurons at their kink
 * @param refactorisations  recomputations of the edge directions from the data
 * @param breakpointsCrossed neurons the line search walked through (pass-through crossings)
 * @param regionChanges     neurons flipped: region changes at a vertex plus the crossings
 * @param ruleActivations   times the anti-cycling rule took over the choices
 * @param driftChecks       comparisons of the tracked objective with the recomputed one (at refactorisations)
 * @param pricingSeconds    time spent pricing the edges
 * @param lineSearchSeconds time spent in the line searches, the directional pass along the edge included
 * @param directionSeconds  time spent updating the edge directions (basis exchanges and region changes)
 * @param refactorSeconds   time spent refactorising
 * @since 2.0
 */
public record SolveStage(String name, long rows, long pivots, double seconds, long zeroLengthPivots,
                         long blandPivots, long rebalances, long refactorisations, long breakpointsCrossed,
                         long regionChanges, long ruleActivations, long driftChecks, double pricingSeconds,
                         double lineSearchSeconds, double directionSeconds, double refactorSeconds) {

    /** The same counters under another name (a stage of a further walk, say). */
    public SolveStage withName(String newName) {
        return new SolveStage(newName, rows, pivots, seconds, zeroLengthPivots, blandPivots, rebalances,
                refactorisations, breakpointsCrossed, regionChanges, ruleActivations, driftChecks, pricingSeconds,
                lineSearchSeconds, directionSeconds, refactorSeconds);
    }
}

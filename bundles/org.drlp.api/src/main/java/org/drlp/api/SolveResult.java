package org.drlp.api;

/**
 * The outcome of one solve.
 *
 * @param status         how it ended
 * @param objective      objective value at {@code point}
 * @param point          the end point (the program's input: model parameters)
 * @param iterations     pivots taken (steps along edges, including phase 1)
 * @param regionChanges  neurons flipped (region changes at a vertex plus pass-through crossings)
 * @param seconds        solve time, excluding model building
 * @param certificate    optimality evidence at the end point; null when none was computed
 * @param message        why the run ended when that is not obvious from the status; may be empty
 */
public record SolveResult(SolveStatus status, double objective, double[] point, long iterations,
                          long regionChanges, double seconds, Certificate certificate, String message) {

    public static SolveResult failed(String message, double seconds) {
        return new SolveResult(SolveStatus.FAILED, Double.NaN, new double[0], 0, 0, seconds, null, message);
    }
}

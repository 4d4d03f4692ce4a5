package org.drlp.api;

import java.util.List;

/**
 * The outcome of one solve.
 *
 * @param status         how it ended
 * @param objective      objective value at {@code point}
 * @param point          the end point (the program's input: model parameters)
 * @param iterations     pivots taken (steps along edges, including phase 1 and every presolve stage)
 * @param regionChanges  neurons flipped (region changes at a vertex plus pass-through crossings)
 * @param seconds        solve time, excluding model building
 * @param certificate    optimality evidence at the end point; null when none was computed
 * @param message        why the run ended when that is not obvious from the status; may be empty
 * @param stages         counters of each stage in the order they ran (since 2.0); empty when the method keeps none
 */
public record SolveResult(SolveStatus status, double objective, double[] point, long iterations,
                          long regionChanges, double seconds, Certificate certificate, String message,
                          List<SolveStage> stages) {

    public SolveResult {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** A result without stage counters (methods that keep none). */
    public SolveResult(SolveStatus status, double objective, double[] point, long iterations, long regionChanges,
                       double seconds, Certificate certificate, String message) {
        this(status, objective, point, iterations, regionChanges, seconds, certificate, message, List.of());
    }

    public static SolveResult failed(String message, double seconds) {
        return new SolveResult(SolveStatus.FAILED, Double.NaN, new double[0], 0, 0, seconds, null, message);
    }

    /** The same result with another message. */
    public SolveResult withMessage(String newMessage) {
        return new SolveResult(status, objective, point, iterations, regionChanges, seconds, certificate, newMessage,
                stages);
    }
}

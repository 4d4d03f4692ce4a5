package org.drlp.launcher;

import org.drlp.api.SolveStatus;

/** What a finished run means for the user, and so for the exit status. */
enum RunVerdict {
    /** OPTIMAL or LOCAL_MINIMUM: the end point carries a certificate. */
    CERTIFIED,
    /**
     * ITERATION_LIMIT or TIME_LIMIT of the solver, or COMPLETED (a method without a certificate
     * that did all it was asked): stopped where the spec told it to.
     */
    LIMIT,
    /** FAILED, NUMERICAL_FAILURE, UNBOUNDED, or a run the watchdog abandoned: no usable minimum. */
    FAILED;

    /**
     * The watchdog ends a run that does not return within its time limit plus grace with status
     * TIME_LIMIT and a message ending in this word (the experiment service's RunExecutor): not a
     * limit the solver honoured, a plugin that hung.
     */
    static final String ABANDONED = "abandoned";

    static RunVerdict of(SolveStatus status, String message) {
        if (status.isCertified()) {
            return CERTIFIED;
        }
        boolean abandoned = message != null && message.endsWith(ABANDONED);
        return switch (status) {
            case ITERATION_LIMIT, TIME_LIMIT -> abandoned ? FAILED : LIMIT;
            case COMPLETED -> LIMIT;
            default -> FAILED;
        };
    }
}

package org.drlp.launcher;

import org.drlp.api.ExperimentSummary;
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
    /** No usable minimum, by the API's rule ({@link ExperimentSummary.Run#isFailure}): FAILED, NUMERICAL_FAILURE, UNBOUNDED, INFEASIBLE, or abandoned. */
    FAILED,
    /** INTERRUPTED: stopped on request (SIGINT, SIGTERM) before its end; a resume runs it again. */
    INTERRUPTED;

    static RunVerdict of(SolveStatus status, String message) {
        if (status == SolveStatus.INTERRUPTED) {
            return INTERRUPTED;
        }
        if (status.isCertified()) {
            return CERTIFIED;
        }
        return ExperimentSummary.Run.isFailure(status, message) ? FAILED : LIMIT;
    }
}

package org.drlp.experiment;

import java.util.List;

import org.drlp.api.SolveResult;

/**
 * How one run ended.
 *
 * @param parameterNames  names of the result's point coordinates; empty when the run failed early
 * @param dualFile        path of dual.csv relative to the output folder, or null
 * @param traceFile       path of trace.csv relative to the output folder, or null
 * @param failureDetails  when a plugin threw or hung: the run, the stage and the full stack trace,
 *                        for drlp.log; null otherwise
 */
record RunOutcome(RunPlan plan, SolveResult result, List<String> parameterNames, String dualFile,
                  String traceFile, String failureDetails) {

    RunOutcome {
        parameterNames = List.copyOf(parameterNames);
    }

    RunOutcome(RunPlan plan, SolveResult result, List<String> parameterNames, String dualFile, String traceFile) {
        this(plan, result, parameterNames, dualFile, traceFile, null);
    }

    static RunOutcome failed(RunPlan plan, String message, double seconds) {
        return new RunOutcome(plan, SolveResult.failed(message, seconds), List.of(), null, null);
    }
}

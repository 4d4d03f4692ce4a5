package org.drlp.experiment;

import java.util.List;

import org.drlp.api.SolveResult;

/**
 * How one run ended.
 *
 * @param parameterNames  names of the result's point coordinates; empty when the run failed early
 * @param dualFile        path of dual.csv relative to the output folder, or null
 * @param traceFile       path of trace.csv relative to the output folder, or null
 */
record RunOutcome(RunPlan plan, SolveResult result, List<String> parameterNames, String dualFile,
                  String traceFile) {

    RunOutcome {
        parameterNames = List.copyOf(parameterNames);
    }

    static RunOutcome failed(RunPlan plan, String message, double seconds) {
        return new RunOutcome(plan, SolveResult.failed(message, seconds), List.of(), null, null);
    }
}

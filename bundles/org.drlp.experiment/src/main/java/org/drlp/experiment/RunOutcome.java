package org.drlp.experiment;

import java.util.List;
import java.util.Map;

import org.drlp.api.CoefficientTable;
import org.drlp.api.SolveResult;

/**
 * How one run ended.
 *
 * @param parameterNames  names of the result's point coordinates; empty when the run failed early
 * @param dualFile        path of dual.csv relative to the output folder, or null
 * @param traceFile       path of trace.csv relative to the output folder, or null
 * @param failureDetails  when a plugin threw or hung: the run, the stage and the full stack trace,
 *                        for drlp.log; null otherwise
 * @param evaluation      the problem's measures of the end point ({@link org.drlp.spi.Problem#evaluate}); empty: none
 * @param coefficients    the problem's coefficient table ({@link org.drlp.spi.Problem#coefficients}); null: none
 * @param data            the rows the run used and those its data source dropped for missing values;
 *                        null when it loaded no data
 */
record RunOutcome(RunPlan plan, SolveResult result, List<String> parameterNames, String dualFile,
                  String traceFile, String failureDetails, Map<String, Double> evaluation,
                  CoefficientTable coefficients, DataRows data) {

    /** Rows of the data set a run used, and rows its source dropped (a missing value). */
    record DataRows(int rows, int dropped) { }

    RunOutcome {
        parameterNames = List.copyOf(parameterNames);
        evaluation = Map.copyOf(evaluation);
    }

    RunOutcome(RunPlan plan, SolveResult result, List<String> parameterNames, String dualFile, String traceFile,
               String failureDetails, Map<String, Double> evaluation) {
        this(plan, result, parameterNames, dualFile, traceFile, failureDetails, evaluation, null, null);
    }

    RunOutcome(RunPlan plan, SolveResult result, List<String> parameterNames, String dualFile, String traceFile,
               String failureDetails) {
        this(plan, result, parameterNames, dualFile, traceFile, failureDetails, Map.of(), null, null);
    }

    RunOutcome(RunPlan plan, SolveResult result, List<String> parameterNames, String dualFile, String traceFile) {
        this(plan, result, parameterNames, dualFile, traceFile, null);
    }

    static RunOutcome failed(RunPlan plan, String message, double seconds) {
        return new RunOutcome(plan, SolveResult.failed(message, seconds), List.of(), null, null);
    }
}

package org.drlp.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.SolveResult;

import com.google.gson.JsonArray;

/**
 * Records finished runs, one at a time whichever thread finished them: a failure's stack trace is
 * appended to drlp.log, the run to results.json and summary.csv, then the listener is told, so
 * that a listener always finds the run on disk. Also the one place that makes listener calls one
 * at a time.
 */
final class ExperimentRecorder implements AutoCloseable {

    private final ResultsWriter results;
    private final SummaryCsvWriter summary;
    private final CoefficientsCsvWriter coefficients;
    private final RunLog log;
    private final RunListener listener;
    private final Map<Integer, RunOutcome> finished = new TreeMap<>();

    ExperimentRecorder(ResultsWriter results, SummaryCsvWriter summary, CoefficientsCsvWriter coefficients, RunLog log,
                       RunListener listener) {
        this.results = results;
        this.summary = summary;
        this.coefficients = coefficients;
        this.log = log;
        this.listener = listener;
    }

    /** Writes results.json, summary.csv and coefficients.csv without runs. */
    synchronized void open() throws IOException {
        results.open();
        summary.open();
        coefficients.open();
    }

    synchronized void experimentStarted(String name, int runs) {
        listener.experimentStarted(name, runs);
    }

    synchronized void runStarted(RunPlan run) {
        listener.runStarted(run.index(), run.label());
    }

    synchronized void runProgress(RunPlan run, long iteration, double objective, double seconds, long regionChanges) {
        listener.runProgress(run.index(), iteration, objective, seconds, regionChanges);
    }

    /**
     * @param warnings   what went wrong beside the result (plots), for results.json
     * @param started    when the run started, and {@code ended} when it ended
     * @param dataFiles  the files the run read, with their hashes
     */
    synchronized void runFinished(RunOutcome outcome, List<String> warnings, Instant started, Instant ended,
                                  JsonArray dataFiles) throws IOException {
        RunPlan run = outcome.plan();
        SolveResult result = outcome.result();
        List<String> runWarnings = new ArrayList<>(warnings);
        if (outcome.failureDetails() != null) {
            try {
                log.append(outcome.failureDetails());
            } catch (IOException e) { // the stack trace is lost, the run's result must not be
                runWarnings.add("stack trace not logged: " + e.getMessage());
            }
        }
        results.add(outcome, runWarnings, started, ended, dataFiles);
        summary.add(outcome);
        coefficients.add(outcome);
        finished.put(run.index(), outcome);
        if (outcome.failureDetails() != null) listener.runFailureDetails(run.index(), run.label(), outcome.failureDetails());
        listener.runFinished(run.index(), run.label(), result.status(), result.objective(), result.seconds(),
                result.message());
    }

    /** Rewrites results.json (with the experiment's warnings), summary.csv and coefficients.csv in sweep order. */
    synchronized void finish(List<String> warnings) throws IOException {
        results.finish(warnings);
        summary.finish();
        coefficients.finish();
    }

    /** Closes the files without rewriting them: what they hold stays, in the order the runs finished. */
    @Override
    public synchronized void close() throws IOException {
        try {
            results.close();
        } finally {
            try {
                summary.close();
            } finally {
                coefficients.close();
            }
        }
    }

    /** The finished runs in sweep order. */
    synchronized List<RunOutcome> outcomes() {
        return List.copyOf(finished.values());
    }

    synchronized ExperimentSummary summary(String name, Path outputDirectory, List<String> sweptPaths) {
        List<ExperimentSummary.Run> runs = finished.values().stream().map(ExperimentRecorder::summaryRun).toList();
        return new ExperimentSummary(name, outputDirectory, runs, sweptPaths);
    }

    private static ExperimentSummary.Run summaryRun(RunOutcome outcome) {
        RunPlan run = outcome.plan();
        SolveResult result = outcome.result();
        return new ExperimentSummary.Run(run.label(), result.status(), result.objective(), result.iterations(),
                result.seconds(), result.message(), run.index(), run.point().valueTexts(), run.repeat(),
                result.regionChanges(), outcome.coefficients());
    }
}

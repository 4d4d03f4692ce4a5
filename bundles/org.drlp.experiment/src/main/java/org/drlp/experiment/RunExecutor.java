package org.drlp.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.StepListener;
import org.drlp.spi.DataException;
import org.drlp.spi.Dataset;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PivotRule;
import org.drlp.spi.Problem;

/**
 * Executes the runs of one experiment: load data (cached), create the loss, build the problem,
 * create a fresh pivot rule, solve, and write the run's files into {@code runs/NNN}. Whatever a
 * plugin throws ends only its run, as FAILED with a one-line message naming the stage.
 */
final class RunExecutor {

    private final Path outputDirectory;
    private final boolean trace;
    private final DatasetCache datasets = new DatasetCache();

    /** @param trace whether to write runs/NNN/trace.csv */
    RunExecutor(Path outputDirectory, boolean trace) {
        this.outputDirectory = outputDirectory;
        this.trace = trace;
    }

    /** @throws IOException only when the run's folder cannot be created (the experiment cannot go on) */
    RunOutcome execute(RunPlan plan) throws IOException {
        String runFolder = "runs/" + String.format("%03d", plan.index());
        Path runDirectory = Files.createDirectories(outputDirectory.resolve(runFolder));
        long started = System.nanoTime();
        String stage = "loading data";
        try {
            Dataset data = datasets.load(plan.data());
            stage = "creating the loss";
            PiecewiseLinearLoss loss = plan.loss().plugin().create(plan.loss().parameters());
            stage = "building the model";
            Problem problem = plan.model().plugin().build(data, loss, plan.model().parameters());
            stage = "creating the pivot rule";
            PivotRule rule = plan.pivot() == null ? null : plan.pivot().plugin().create(plan.pivot().parameters());
            stage = "solving";
            SolveResult result = solve(plan, problem, rule, runDirectory);
            stage = "writing the run's files";
            String dualFile = writeDual(result, runDirectory) ? runFolder + "/dual.csv" : null;
            if (result.status() != SolveStatus.FAILED) problem.writeArtifacts(result.point(), runDirectory);
            return new RunOutcome(plan, result, problem.parameterNames(), dualFile,
                    trace ? runFolder + "/trace.csv" : null);
        } catch (Exception e) {
            return RunOutcome.failed(plan, stage + ": " + describe(e), seconds(started));
        } catch (StackOverflowError | OutOfMemoryError | LinkageError e) {
            // a runaway or faulty plugin (or one whose bundle went away) must not end the whole sweep
            return RunOutcome.failed(plan, stage + ": " + describe(e), seconds(started));
        }
    }

    private SolveResult solve(RunPlan plan, Problem problem, PivotRule rule, Path runDirectory) throws IOException {
        SolveResult result;
        if (trace) {
            try (TraceWriter writer = new TraceWriter(runDirectory.resolve("trace.csv"))) {
                result = plan.method().plugin().solve(problem, rule, plan.method().parameters(), writer);
            }
        } else {
            result = plan.method().plugin().solve(problem, rule, plan.method().parameters(), StepListener.NONE);
        }
        if (result == null) {
            throw new IllegalStateException("solver method \"" + plan.method().name() + "\" returned no result");
        }
        return result;
    }

    /** Writes dual.csv when the certificate carries a dual vector; returns whether it did. */
    private static boolean writeDual(SolveResult result, Path runDirectory) throws IOException {
        if (result.certificate() == null || result.certificate().dual() == null) return false;
        try (BufferedWriter out = Files.newBufferedWriter(runDirectory.resolve("dual.csv"), StandardCharsets.UTF_8)) {
            out.write("dual\n");
            for (double lambda : result.certificate().dual()) {
                out.write(Double.toString(lambda));
                out.write('\n');
            }
        }
        return true;
    }

    /** One line; messages written for users (data and parameter problems) stand alone, others name the exception. */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        boolean selfExplaining = e instanceof DataException || e instanceof IllegalArgumentException;
        String text = selfExplaining && message != null ? message
                : e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) * 1e-9;
    }
}

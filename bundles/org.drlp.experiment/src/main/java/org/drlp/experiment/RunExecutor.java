package org.drlp.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.drlp.api.CoefficientTable;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.ForwardingStepListener;
import org.drlp.api.ParameterMeaning;
import org.drlp.api.ParameterSpec;
import org.drlp.api.RunListener;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.StepListener;
import org.drlp.spi.DataException;
import org.drlp.spi.Dataset;
import org.drlp.spi.ForwardingProblem;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;
import org.drlp.spi.ProblemForm;

/**
 * Executes the runs of one experiment: load data (cached), create the loss, build the problem,
 * solve (the method creates its strategies), and write the run's files into {@code runs/NNN}. Whatever a
 * plugin throws ends only its run, as FAILED with a one-line message naming the stage.
 *
 * <p>Watchdog: each run executes on a daemon worker thread of its own. When the solver method has a
 * positive time limit (its parameter declared {@link ParameterMeaning#TIME_LIMIT}), every stage of the run (loading, building, solving,
 * ...) must finish within that limit plus a grace of max(5 s, 10%); a stage that does not (a plugin
 * that never returns) ends the run as TIME_LIMIT, "run did not return within N s (X hung);
 * abandoned", naming the plugin found on the worker's stack, and the sweep goes on. Java cannot kill
 * a thread: the worker is interrupted and abandoned, and from then on the solve's
 * {@code stopRequested()} answers true, so that a method that asks once per step stops at its next
 * one; a plugin that never asks keeps running (and holding what it holds) until it returns or the
 * JVM exits. Whatever it returns later is dropped and writes nothing more. The time limit is the
 * whole run's: every shipped method (the composed ones and {@code block-coordinate} included)
 * shares it out among its stages and stops by it, so the watchdog only catches a plugin that hangs.
 * Without a time limit the run is awaited however long it takes.
 */
final class RunExecutor {

    /** The smallest grace beyond the solver's time limit before a stage counts as hung. */
    static final double MINIMUM_GRACE_SECONDS = 5;

    private final Path outputDirectory;
    private final boolean trace;
    private final double minimumGraceSeconds;
    private final RunStopper stopper;
    private final DatasetCache datasets = new DatasetCache();

    /** @param trace whether to write runs/NNN/trace.csv */
    RunExecutor(Path outputDirectory, boolean trace) {
        this(outputDirectory, trace, MINIMUM_GRACE_SECONDS);
    }

    /** @param minimumGraceSeconds the watchdog's smallest grace (tests shorten it) */
    RunExecutor(Path outputDirectory, boolean trace, double minimumGraceSeconds) {
        this(outputDirectory, trace, minimumGraceSeconds, new RunStopper());
    }

    /** @param stopper  asked by the solve once per step, and by the waiting thread, whether to stop */
    RunExecutor(Path outputDirectory, boolean trace, double minimumGraceSeconds, RunStopper stopper) {
        this.outputDirectory = outputDirectory;
        this.trace = trace;
        this.minimumGraceSeconds = minimumGraceSeconds;
        this.stopper = stopper;
    }

    /** Where a run in progress reports its latest step. */
    @FunctionalInterface
    interface SolveProgress {
        SolveProgress NONE = (iteration, objective, seconds, regionChanges) -> { };

        /** @param regionChanges  neurons flipped so far, summed over the solve's pivots */
        void report(long iteration, double objective, double seconds, long regionChanges);
    }

    /** What the worker is doing, for the watchdog; written by the worker, read by the waiting thread. */
    private static final class Progress {
        volatile String stage = "loading data";
        volatile long stageStarted = System.nanoTime();
        volatile boolean abandoned;
        /** Classes of the run's plugins and the objects they made, with how to name each in a message. */
        final List<Object[]> suspects = new CopyOnWriteArrayList<>();

        void enter(String next) {
            stage = next;
            stageStarted = System.nanoTime();
        }

        void suspect(Object object, String description) {
            if (object != null) suspects.add(new Object[] {object.getClass(), description});
        }
    }

    /**
     * Runs the plan on a worker thread under the watchdog (see the class comment).
     *
     * @throws IOException only when the run's folder cannot be created (the experiment cannot go on),
     *                     or when the waiting thread is interrupted
     */
    RunOutcome execute(RunPlan plan) throws IOException {
        return execute(plan, SolveProgress.NONE);
    }

    /**
     * A warm start: the point the run's problem starts from instead of the model's, and the note the
     * run's message gets for it.
     */
    record WarmStart(double[] point, String note) {
    }

    /** As {@link #execute(RunPlan)}, reporting the solve's progress about twice a second. */
    RunOutcome execute(RunPlan plan, SolveProgress solveProgress) throws IOException {
        return execute(plan, solveProgress, null);
    }

    /** As {@link #execute(RunPlan, SolveProgress)}, started from {@code warm} when it is not null. */
    RunOutcome execute(RunPlan plan, SolveProgress solveProgress, WarmStart warm) throws IOException {
        String runFolder = "runs/" + String.format("%03d", plan.index());
        Path runDirectory = outputDirectory.resolve(runFolder);
        try {
            Files.createDirectories(runDirectory);
        } catch (IOException e) {
            throw IoMessages.withFile(runDirectory, e);
        }
        long started = System.nanoTime();
        RunStopper.RunStop stop = stopper.run(plan.index());
        Progress progress = new Progress();
        // innermost first: a nested strategy's frames sit above its method's on the stack
        List<ResolvedPlugin<?>> plugins = new ArrayList<>(plan.plugins());
        Collections.reverse(plugins);
        for (ResolvedPlugin<?> plugin : plugins) progress.suspect(plugin.plugin(), plugin.owner());
        CompletableFuture<RunOutcome> done = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                done.complete(executeHere(plan, runFolder, runDirectory, started, progress, solveProgress, stop, warm));
            } catch (Throwable e) { // an Error from a plugin (AssertionError, say) ends its run, not the sweep
                done.complete(failed(plan, progress.stage, e, started));
            }
        }, "drlp-run-" + String.format("%03d", plan.index()));
        worker.setDaemon(true);
        worker.start();
        double budget = stageBudgetSeconds(plan);
        try {
            while (true) {
                long wait = budget <= 0 ? Long.MAX_VALUE : progress.stageStarted + (long) (budget * 1e9) - System.nanoTime();
                if (wait <= 0) return abandon(plan, worker, progress, budget, started);
                if (stop.graceOver() && !WRITING_STAGE.equals(progress.stage)) {
                    return giveUpOnStop(plan, worker, progress, started);
                }
                try {
                    // polled, so that a stop request is seen while waiting
                    return done.get(Math.min(wait, STOP_POLL_NANOS), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // the worker may have entered a new stage meanwhile: its budget starts afresh
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            throw new InterruptedIOException("interrupted while waiting for run " + plan.label());
        } catch (ExecutionException e) { // the worker completes normally in every case
            return failed(plan, progress.stage, e.getCause(), started);
        }
    }

    /** The watchdog's time per stage: the solver's time limit plus grace, or 0 (none) without a limit. */
    private double stageBudgetSeconds(RunPlan plan) {
        double seconds = 0;
        for (ParameterSpec spec : plan.method().plugin().parameters()) {
            Object limit = plan.method().parameters().asMap().get(spec.name());
            if (spec.meaning() == ParameterMeaning.TIME_LIMIT && limit instanceof Number number) {
                seconds = Math.max(seconds, number.doubleValue());
            }
        }
        if (!(seconds > 0)) return 0;
        return seconds + Math.max(minimumGraceSeconds, 0.1 * seconds);
    }

    /** The stage after the solve: a stopped run is waited for in it, its result is there. */
    private static final String WRITING_STAGE = "writing the run's files";

    /** How often the waiting thread looks for a stop request. */
    private static final long STOP_POLL_NANOS = 100_000_000L;

    /** A stop was requested and the method did not return within the grace: INTERRUPTED without a point. */
    private static RunOutcome giveUpOnStop(RunPlan plan, Thread worker, Progress progress, long started) {
        progress.abandoned = true;
        worker.interrupt();
        String message = "interrupted while " + progress.stage + ": the method did not stop within "
                + RunStopper.GRACE_NANOS / 1_000_000_000L + " s of the request, no point recorded";
        return new RunOutcome(plan, new SolveResult(SolveStatus.INTERRUPTED, Double.NaN, new double[0], 0, 0,
                seconds(started), null, message), List.of(), null, null, null);
    }

    /** The run was asked to stop before it started: INTERRUPTED, not solved. */
    static RunOutcome stoppedBeforeStart(RunPlan plan) {
        return new RunOutcome(plan, new SolveResult(SolveStatus.INTERRUPTED, Double.NaN, new double[0], 0, 0, 0, null,
                "stopped on request before it started, no point recorded"), List.of(), null, null, null);
    }

    private static RunOutcome abandon(RunPlan plan, Thread worker, Progress progress, double budget, long started) {
        progress.abandoned = true;
        StackTraceElement[] stack = worker.getStackTrace();
        String culprit = culprit(stack, progress);
        worker.interrupt();
        String message = "run did not return within " + format(budget) + " s (" + culprit + " hung while "
                + progress.stage + "); " + ExperimentSummary.Run.ABANDONED;
        StringBuilder details = new StringBuilder("run " + plan.label() + ": " + message + "\n"
                + "stack of the abandoned thread " + worker.getName() + ":\n");
        for (StackTraceElement frame : stack) details.append("\tat ").append(frame).append('\n');
        return new RunOutcome(plan, new SolveResult(SolveStatus.TIME_LIMIT, Double.NaN, new double[0], 0, 0,
                seconds(started), null, message), List.of(), null, null, details.toString());
    }

    /** The innermost frame on the worker's stack that belongs to one of the run's plugins, named. */
    private static String culprit(StackTraceElement[] stack, Progress progress) {
        for (StackTraceElement frame : stack) {
            for (Object[] suspect : progress.suspects) {
                String name = ((Class<?>) suspect[0]).getName();
                String frameClass = frame.getClassName();
                if (frameClass.equals(name) || frameClass.startsWith(name + "$")) return (String) suspect[1];
            }
        }
        return "a plugin";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.3g", value);
    }

    private RunOutcome executeHere(RunPlan plan, String runFolder, Path runDirectory, long started, Progress progress,
                                   SolveProgress solveProgress, RunStopper.RunStop stop, WarmStart warm) {
        try {
            Dataset data = plan.data() == null ? null : datasets.load(plan.data());
            progress.enter("creating the loss");
            PiecewiseLinearLoss loss = plan.loss() == null ? null : plan.loss().plugin().create(plan.loss().parameters());
            if (loss != null) progress.suspect(loss, "loss \"" + plan.loss().name() + "\"");
            progress.enter("building the model");
            Problem problem = plan.model().plugin().build(data, loss, plan.model().parameters());
            if (problem == null) throw new IllegalStateException("model \"" + plan.model().name() + "\" returned no problem");
            progress.suspect(problem, "model \"" + plan.model().name() + "\"");
            // a layer-by-layer problem has no single program (program() refuses): only its problem is suspect
            if (plan.model().plugin().problemForm(plan.model().parameters()) != ProblemForm.LAYERWISE) {
                progress.suspect(problem.program(), "model \"" + plan.model().name() + "\"");
            }
            if (warm != null && warm.point().length == problem.program().dimension()) {
                problem = ForwardingProblem.startingAt(problem, warm.point());
            } else {
                warm = null;
            }
            progress.enter("solving");
            FaultRecorder faults = new FaultRecorder();
            SolveResult result = solve(plan, problem, runDirectory, solveProgress, progress, faults, stop);
            if (warm != null) {
                result = withNote(result, warm.note());
            }
            if (progress.abandoned) return RunOutcome.failed(plan, ExperimentSummary.Run.ABANDONED, seconds(started));
            // the method turns a strategy's exception into a one-line message: the stack trace is only here
            String details = result.status() == SolveStatus.FAILED && faults.fault != null
                    ? details(plan, "solving: " + result.message(), faults.fault) : null;
            CoefficientTable coefficients = null;
            // a stopped run records its point at once: a table (nid's refits, a bootstrap) would hold up the stop
            if (result.status() != SolveStatus.FAILED && result.status() != SolveStatus.INTERRUPTED) {
                progress.enter("computing the coefficient table");
                try {
                    coefficients = problem.coefficients(result).orElse(null);
                } catch (RuntimeException e) { // the solve stands: only its table is missing, and says why
                    String why = "no coefficient table: " + describe(e);
                    result = withNote(result, why);
                    details = details(plan, why, e);
                }
            }
            progress.enter(WRITING_STAGE);
            String dualFile = writeDual(result, runDirectory) ? runFolder + "/dual.csv" : null;
            if (result.status() != SolveStatus.FAILED) problem.writeArtifacts(result.point(), runDirectory);
            var evaluation = result.status() == SolveStatus.FAILED ? java.util.Map.<String, Double>of()
                    : problem.evaluate(result.point());
            return new RunOutcome(plan, result, problem.parameterNames(), dualFile,
                    trace ? runFolder + "/trace.csv" : null, details, evaluation, coefficients,
                    data == null ? null : new RunOutcome.DataRows(data.rows(), data.droppedRows()));
        } catch (Exception e) {
            return failed(plan, progress.stage, e, started);
        } catch (StackOverflowError | OutOfMemoryError | LinkageError e) {
            // a runaway or faulty plugin (or one whose bundle went away) must not end the whole sweep
            return failed(plan, progress.stage, e, started);
        }
    }

    /** The result with {@code note} after its message. */
    private static SolveResult withNote(SolveResult result, String note) {
        String message = result.message();
        return result.withMessage(message == null || message.isEmpty() ? note : message + "; " + note);
    }

    /** The run FAILED in {@code stage} because of {@code e}: one line for results.json, the stack trace for drlp.log. */
    private static RunOutcome failed(RunPlan plan, String stage, Throwable e, long started) {
        String message = stage + ": " + describe(e);
        return new RunOutcome(plan, SolveResult.failed(message, seconds(started)), List.of(), null, null,
                details(plan, message, e));
    }

    private static String details(RunPlan plan, String message, Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return "run " + plan.label() + ": " + message + "\n" + trace;
    }

    /** The first exception a strategy of the solve threw, as the method reports it. */
    private static final class FaultRecorder {
        private volatile Throwable fault;

        void record(Throwable thrown) {
            if (fault == null) fault = thrown;
        }
    }

    private SolveResult solve(RunPlan plan, Problem problem, Path runDirectory, SolveProgress solveProgress,
                              Progress progress, FaultRecorder faults, RunStopper.RunStop stop) throws IOException {
        SolveResult result;
        if (trace) {
            try (TraceWriter writer = new TraceWriter(runDirectory.resolve("trace.csv"))) {
                result = plan.method().plugin().solve(problem, plan.method().parameters(),
                        new ProgressRelay(writer, solveProgress, progress, faults, stop));
            }
        } else {
            result = plan.method().plugin().solve(problem, plan.method().parameters(),
                    new ProgressRelay(StepListener.NONE, solveProgress, progress, faults, stop));
        }
        if (result == null) {
            throw new IllegalStateException("solver method \"" + plan.method().name() + "\" returned no result");
        }
        return result;
    }

    /** Passes every step on, and the latest one to the progress report when it is due; silent once abandoned. */
    private static final class ProgressRelay extends ForwardingStepListener {
        private static final long INTERVAL_NANOS = RunListener.PROGRESS_INTERVAL_MILLIS * 1_000_000L;
        private final SolveProgress report;
        private final Progress progress;
        private final FaultRecorder faults;
        private final RunStopper.RunStop stop;
        private long due = INTERVAL_NANOS;
        /** Summed here: a step reports only its own. */
        private long regionChanges;

        ProgressRelay(StepListener next, SolveProgress report, Progress progress, FaultRecorder faults,
                      RunStopper.RunStop stop) {
            super(next);
            this.stop = stop;
            this.report = report;
            this.progress = progress;
            this.faults = faults;
        }

        @Override
        public void onPluginFault(String plugin, Throwable fault) {
            faults.record(fault);
            next.onPluginFault(plugin, fault);
        }

        /** A stop on request, or the watchdog gave up on the run: a method that asks stops at its next step. */
        @Override
        public boolean stopRequested() {
            return stop.stopped() || progress.abandoned;
        }

        @Override
        public void onStep(long iteration, double objective, double step, int entering, int leaving,
                           int regionChanges, long elapsedNanos) {
            next.onStep(iteration, objective, step, entering, leaving, regionChanges, elapsedNanos);
            this.regionChanges += regionChanges;
            if (elapsedNanos >= due && !progress.abandoned) {
                due = elapsedNanos + INTERVAL_NANOS;
                report.report(iteration, objective, elapsedNanos * 1e-9, this.regionChanges);
            }
        }
    }

    /** Writes dual.csv when the certificate carries a dual vector; returns whether it did. */
    private static boolean writeDual(SolveResult result, Path runDirectory) throws IOException {
        if (result.certificate() == null || result.certificate().dual() == null) return false;
        Path file = runDirectory.resolve("dual.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("dual\n");
            for (double lambda : result.certificate().dual()) {
                out.write(Double.toString(lambda));
                out.write('\n');
            }
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        }
        return true;
    }

    /** One line; messages written for users (data and parameter problems) stand alone, others name the exception. */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        boolean selfExplaining = e instanceof DataException || e instanceof IllegalArgumentException;
        String text = e instanceof FileSystemException named ? IoMessages.describe(named) // file: reason
                : selfExplaining && message != null ? message
                : e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) * 1e-9;
    }
}

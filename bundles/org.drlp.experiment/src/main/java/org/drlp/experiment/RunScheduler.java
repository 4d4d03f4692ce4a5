package org.drlp.experiment;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes the runs of an experiment, up to {@code jobs} at a time, started in sweep order. The
 * first task that throws stops the runs not yet started, and its exception is rethrown. Runs may
 * come in chains ({@link TauChains}): the runs of a chain one after the other on one worker.
 */
final class RunScheduler {

    /** What to do with one run; throws only when the whole experiment cannot go on. */
    interface RunTask {
        void execute(RunPlan run) throws IOException;
    }

    private final int jobs;

    RunScheduler(int jobs) {
        this.jobs = jobs;
    }

    void executeAll(List<RunPlan> runs, RunTask task) throws IOException {
        executeChains(runs.stream().map(List::of).toList(), task);
    }

    /**
     * Each chain's runs in order, up to {@code jobs} chains at a time; with one job, every run in
     * sweep order (which keeps each chain's order: a chain is in sweep order).
     */
    void executeChains(List<List<RunPlan>> chains, RunTask task) throws IOException {
        if (jobs == 1 || chains.size() <= 1) {
            // on the caller's thread, as before there were jobs
            List<RunPlan> runs = new ArrayList<>();
            chains.forEach(runs::addAll);
            runs.sort(Comparator.comparingInt(RunPlan::index));
            for (RunPlan run : runs) task.execute(run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, chains.size()), threads());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<RunPlan> chain : chains) {
                futures.add(pool.submit(() -> {
                    for (RunPlan run : chain) task.execute(run);
                    return null;
                }));
            }
            for (Future<?> future : futures) await(future);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<?> future) throws IOException {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for runs to finish");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException runtime) throw runtime;
            if (cause instanceof Error error) throw error;
            throw new IllegalStateException(cause);
        }
    }

    /** Daemon threads: a run that never returns must not keep the JVM alive once the caller has given up. */
    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "drlp-job-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

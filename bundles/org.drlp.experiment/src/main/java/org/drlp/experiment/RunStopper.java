package org.drlp.experiment;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stop requests of one experiment: for the whole of it ({@link ExperimentRunner#stop()}: runs
 * not yet started are skipped) or for one run ({@link ExperimentRunner#stopRun}). A method that asks
 * ({@link org.drlp.api.StepListener#stopRequested()}) ends its run INTERRUPTED with its best point,
 * and one that does not ask is given up after {@link #GRACE_NANOS}.
 */
final class RunStopper {

    /** How long a method that does not ask is waited for once a stop is requested. */
    static final long GRACE_NANOS = 2_000_000_000L;

    private volatile boolean stopped;
    private volatile long stoppedAtNanos;
    /** The folder the experiment holds, once it holds it (its real path). */
    private volatile Path folder;
    /** The runs still to finish, by sweep index: a run asks its own entry once per pivot, without a lookup. */
    private final Map<Integer, RunStop> runs = new ConcurrentHashMap<>();

    void stop() {
        if (stopped) return;
        stoppedAtNanos = System.nanoTime();
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }

    /** True once a stop was requested more than {@link #GRACE_NANOS} ago. */
    boolean graceOver() {
        return stopped && System.nanoTime() - stoppedAtNanos > GRACE_NANOS;
    }

    /** The experiment holds {@code realFolder} and has these runs to finish. */
    void hold(Path realFolder, Iterable<Integer> indices) {
        for (int index : indices) run(index);
        folder = realFolder;
    }

    Path folder() {
        return folder;
    }

    /** The stop requests run {@code index} sees. */
    RunStop run(int index) {
        return runs.computeIfAbsent(index, i -> new RunStop());
    }

    /** Asks run {@code index} alone to stop; false when it is not one still to finish. */
    boolean stopRun(int index) {
        RunStop run = runs.get(index);
        if (run == null) return false;
        run.stop();
        return true;
    }

    /** The run is recorded: a later request for it is refused. */
    void finished(int index) {
        runs.remove(index);
    }

    /** One run's view: stopped when it, or the whole experiment, was asked to. */
    final class RunStop {
        private volatile boolean cancelled;
        private volatile long cancelledAtNanos;

        private void stop() {
            if (cancelled) return;
            cancelledAtNanos = System.nanoTime();
            cancelled = true;
        }

        /** Asked for this run alone (not the whole experiment). */
        boolean cancelled() {
            return cancelled;
        }

        boolean stopped() {
            return cancelled || RunStopper.this.stopped;
        }

        boolean graceOver() {
            return cancelled && System.nanoTime() - cancelledAtNanos > GRACE_NANOS || RunStopper.this.graceOver();
        }
    }
}

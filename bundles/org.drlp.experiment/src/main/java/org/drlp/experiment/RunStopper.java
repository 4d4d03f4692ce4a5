package org.drlp.experiment;

/**
 * A request to stop one experiment ({@link ExperimentRunner#stop()}): runs not yet started are
 * skipped, a method that asks ({@link org.drlp.api.StepListener#stopRequested()}) ends its run
 * INTERRUPTED with its best point, and one that does not ask is given up after {@link #GRACE_NANOS}.
 */
final class RunStopper {

    /** How long a method that does not ask is waited for once a stop is requested. */
    static final long GRACE_NANOS = 2_000_000_000L;

    private volatile boolean stopped;
    private volatile long stoppedAtNanos;

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
}

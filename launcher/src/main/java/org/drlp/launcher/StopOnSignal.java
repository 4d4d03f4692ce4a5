package org.drlp.launcher;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.drlp.api.ExperimentService;

/**
 * While an experiment runs, SIGINT and SIGTERM (Slurm's signal at the time limit) stop it instead
 * of killing it: a JVM shutdown hook asks the experiment service to stop, waits until the command
 * has written its records and returned (at most {@value #WAIT_MILLIS} ms, within Slurm's default
 * 30 s between SIGTERM and SIGKILL), and ends the JVM with the command's exit status.
 */
final class StopOnSignal implements AutoCloseable {

    static final long WAIT_MILLIS = 25_000;

    private static final CountDownLatch EXITING = new CountDownLatch(1);
    private static volatile int exitStatus = Main.INCOMPLETE;
    /** True while an experiment runs under a hook, or its hook runs. */
    private static volatile boolean active;

    private final Thread hook;
    private volatile boolean signalled;

    private StopOnSignal(ExperimentService experiments) {
        hook = new Thread(() -> {
            signalled = true;
            experiments.stop();
            try {
                EXITING.await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(exitStatus); // System.exit would wait for this very hook
        }, "drlp-stop-on-signal");
    }

    static StopOnSignal install(ExperimentService experiments) {
        StopOnSignal stop = new StopOnSignal(experiments);
        active = true;
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** True once a signal asked the experiment to stop. */
    boolean signalled() {
        return signalled;
    }

    /**
     * Called by other shutdown hooks (the workbench's, which stops the framework) before they act:
     * while an experiment is being stopped, waits until its command has returned, so that its
     * bundles are still there to write the records.
     */
    static void awaitCommandEnd() {
        if (!active) return;
        try {
            EXITING.await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command is about to end the JVM with {@code status}: a running hook may now do so. */
    static void exiting(int status) {
        exitStatus = status;
        EXITING.countDown();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            active = false;
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs, and waits for exiting()
        }
    }
}

package org.drlp.model.relu;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A small fixed pool that runs the chunks of one pass over a program's data on several threads:
 * the caller works too, the other {@code threads - 1} workers are started on the first pass and
 * stop by themselves after {@link #IDLE_NANOS} without work, so that a program dropped by its
 * owner leaves no thread behind. A pass allocates nothing: the task is a long-lived object and
 * the chunks are claimed from a counter.
 *
 * <p>Which thread runs which chunk varies from pass to pass; callers make results independent of
 * it by writing each chunk's results to the chunk's own slots and reducing them in chunk order,
 * and by giving each worker index its own scratch arrays ({@link Task#run}'s {@code worker}).
 */
final class ChunkPool {

    /** One pass: runs chunk {@code chunk} with worker {@code worker}'s scratch (0 = the caller). */
    @FunctionalInterface
    interface Task {
        void run(int chunk, int worker);
    }

    /** A worker with nothing to do for this long stops; the next pass starts it again. */
    static final long IDLE_NANOS = 2_000_000_000L;
    /** Spins before parking: a pass follows the last one within microseconds while the walk runs. */
    private static final int SPINS = 2_000;

    private final int threads;
    private final Thread[] workers;
    /** Tickets: chunk c of the pass that starts at ticket {@link #base} is ticket base + c; never reset. */
    private final AtomicLong next = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    // the current pass, written and read under the pool's lock; generation is also polled without it
    private volatile long generation;
    private long base;
    private Task task;
    private int chunks;
    private volatile Thread caller;
    private volatile Throwable failure;

    /** @param threads 1 or more; 1 runs every pass on the caller's thread */
    ChunkPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.workers = new Thread[threads];
    }

    int threads() {
        return threads;
    }

    /** Runs task on chunks 0..chunks-1 and returns when every one has run; rethrows a worker's failure. */
    void run(Task task, int chunks) {
        if (threads == 1 || chunks <= 1) {
            for (int c = 0; c < chunks; c++) task.run(c, 0);
            return;
        }
        long first;
        synchronized (this) {
            failure = null;
            caller = Thread.currentThread();
            done.set(0);
            first = next.get();
            this.base = first;
            this.task = task;
            this.chunks = chunks;
            generation++;
            for (int w = 1; w < threads; w++) {
                if (workers[w] == null) {
                    int index = w;
                    Thread t = new Thread(() -> loop(index), "drlp-chunks-" + w);
                    t.setDaemon(true);
                    workers[w] = t;
                    t.start();
                } else {
                    LockSupport.unpark(workers[w]);
                }
            }
        }
        claim(task, first, chunks, 0);
        for (int spin = 0; done.get() < chunks; spin++) {
            if (spin < SPINS) Thread.onSpinWait();
            else LockSupport.parkNanos(this, 100_000L);
        }
        Throwable failed = failure;
        if (failed instanceof RuntimeException e) throw e;
        if (failed instanceof Error e) throw e;
    }

    /**
     * Claims and runs chunks of the pass that starts at ticket {@code first} until none is left. A
     * ticket is taken only while it belongs to that pass, so a worker late for a pass never takes
     * one of the next.
     */
    private void claim(Task current, long first, int total, int worker) {
        while (true) {
            long ticket = next.get();
            if (ticket - first >= total) return;
            if (!next.compareAndSet(ticket, ticket + 1)) continue;
            try {
                current.run((int) (ticket - first), worker);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            if (done.incrementAndGet() == total) LockSupport.unpark(caller);
        }
    }

    private void loop(int worker) {
        long seen = 0;
        long idleSince = System.nanoTime();
        for (int spin = 0; ; spin++) {
            Task current = null;
            long first = 0;
            int total = 0;
            if (generation != seen) {
                synchronized (this) {
                    seen = generation;
                    current = task;
                    first = base;
                    total = chunks;
                }
            } else if (spin >= SPINS && System.nanoTime() - idleSince > IDLE_NANOS) {
                synchronized (this) {
                    if (generation == seen) {
                        workers[worker] = null;
                        return;
                    }
                }
                continue;
            }
            if (current != null) {
                claim(current, first, total, worker);
                spin = 0;
                idleSince = System.nanoTime();
            } else if (spin < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 1_000_000L);
            }
        }
    }
}

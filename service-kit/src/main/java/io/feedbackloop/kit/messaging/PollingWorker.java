package io.feedbackloop.kit.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

/**
 * A background loop for work that is found by polling a table (outbox events to relay, messages
 * to send): it runs again at once while there is more, waits for a wake-up or the poll interval
 * when idle, and backs off (up to five seconds) while the work keeps failing.
 */
public final class PollingWorker {

    private static final Logger LOG = Logger.getLogger(PollingWorker.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String name;
    private final Duration pollInterval;
    private final BooleanSupplier work;
    private final Consumer<RuntimeException> onFailure;
    private final int threads;
    private final Pause pause;
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param work      does one unit of work; returns true if more is waiting
     * @param onFailure cleans up after a failed unit (e.g. drops a broken connection)
     */
    public PollingWorker(String name, Duration pollInterval, BooleanSupplier work, Consumer<RuntimeException> onFailure) {
        this(name, 1, pollInterval, work, onFailure);
    }

    /**
     * @param threads how many units run at once: only for work whose units claim their rows
     *                ({@code FOR UPDATE SKIP LOCKED}), so that two threads never take the same one
     */
    public PollingWorker(String name, int threads, Duration pollInterval, BooleanSupplier work,
                         Consumer<RuntimeException> onFailure) {
        this(name, threads, pollInterval, work, onFailure, duration -> Thread.sleep(duration.toMillis()));
    }

    PollingWorker(String name, int threads, Duration pollInterval, BooleanSupplier work,
                  Consumer<RuntimeException> onFailure, Pause pause) {
        if (threads < 1) {
            throw new IllegalArgumentException(name + ": at least one thread, not " + threads);
        }
        this.threads = threads;
        this.name = name;
        this.pollInterval = pollInterval;
        this.work = work;
        this.onFailure = onFailure;
        this.pause = pause;
    }

    /** Waits out a backoff; apart so that tests can see each backoff without waiting for it. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    public synchronized void start() {
        running = true;
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(this::runUntilStopped, threads == 1 ? name : name + "-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
            workers.add(thread);
        }
    }

    public void stop(Duration patience) {
        running = false;
        wakeUps.release(threads);
        long deadline = System.nanoTime() + patience.toNanos();
        for (Thread thread : workers) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** New work was committed: look now rather than at the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** The caller's transaction is writing new work: look for it as soon as that transaction commits. */
    public void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeUp();
                }
            }
        });
    }

    private void runUntilStopped() {
        try {
            runUnits();
        } finally {
            // a sibling may have drained the wake-ups stop() released for the others: pass one on,
            // so each waiting thread in turn sees the stop instead of sleeping out the poll interval
            wakeUps.release();
        }
    }

    private void runUnits() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try {
                boolean more = work.getAsBoolean();
                backoff = FIRST_BACKOFF;
                if (more && threads > 1 && wakeUps.availablePermits() == 0) {
                    wakeUps.release(); // there is more than one unit waiting: a sibling may take the next
                }
                if (!more) {
                    wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("%s failed, retrying in %d ms: %s", name, backoff.toMillis(), rootMessage(e));
                onFailure.accept(e);
                try {
                    pause.pause(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

package io.feedbackloop.kit.messaging;

import java.time.Duration;
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
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /**
     * @param work      does one unit of work; returns true if more is waiting
     * @param onFailure cleans up after a failed unit (e.g. drops a broken connection)
     */
    public PollingWorker(String name, Duration pollInterval, BooleanSupplier work, Consumer<RuntimeException> onFailure) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.work = work;
        this.onFailure = onFailure;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::runUntilStopped, name);
        thread.setDaemon(true);
        thread.start();
    }

    public void stop(Duration patience) {
        running = false;
        wakeUps.release();
        if (thread != null) {
            try {
                thread.join(patience.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try {
                boolean more = work.getAsBoolean();
                backoff = FIRST_BACKOFF;
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
                    Thread.sleep(backoff.toMillis());
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

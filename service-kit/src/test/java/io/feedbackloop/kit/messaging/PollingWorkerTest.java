package io.feedbackloop.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class PollingWorkerTest {

    /** Long enough that only a wake-up or "more is waiting" can explain a second run within a test. */
    private static final Duration AN_HOUR = Duration.ofHours(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<PollingWorker> started = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        started.forEach(worker -> worker.stop(PATIENCE));
    }

    @Test
    void runsAtOnceWhenStartedAndAgainAtOnceWhileMoreIsWaiting() {
        AtomicInteger runs = new AtomicInteger();
        start("drain", 1, () -> runs.incrementAndGet() < 4);

        Await.until("four runs: three with more waiting, one finding nothing", () -> runs.get() == 4);
    }

    @Test
    void aWakeUpCutsTheWaitForTheNextPoll() {
        AtomicInteger runs = new AtomicInteger();
        PollingWorker worker = start("wake", 1, idle(runs));
        Await.until("the first run", () -> runs.get() == 1);

        worker.wakeUp();

        Await.until("a second run long before the poll interval", () -> runs.get() == 2);
    }

    @Test
    void aCommittedTransactionWakesTheWorkerAndARolledBackOneDoesNot() {
        AtomicInteger runs = new AtomicInteger();
        PollingWorker worker = start("after-commit", 1, idle(runs));
        Await.until("the first run", () -> runs.get() == 1);
        TransactionSynchronizationRegistry transactions = mock(TransactionSynchronizationRegistry.class);
        ArgumentCaptor<Synchronization> synchronization = ArgumentCaptor.forClass(Synchronization.class);

        worker.wakeUpAfterCommit(transactions);
        verify(transactions).registerInterposedSynchronization(synchronization.capture());
        synchronization.getValue().afterCompletion(Status.STATUS_ROLLEDBACK);
        synchronization.getValue().afterCompletion(Status.STATUS_COMMITTED);

        Await.until("the run the commit asked for", () -> runs.get() == 2);
    }

    @Test
    void backsOffDoublingUpToFiveSecondsWhileTheWorkFailsAndStartsOverAfterASuccess() {
        List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger runs = new AtomicInteger();
        List<RuntimeException> cleanedUp = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        PollingWorker worker = new PollingWorker("failing", 1, AN_HOUR, () -> {
            int run = runs.incrementAndGet();
            if (run == 9) {
                return true; // one success in between
            }
            if (run == 11) {
                done.countDown();
                return false;
            }
            throw new IllegalStateException("database down, run " + run);
        }, cleanedUp::add, pauses::add);
        started.add(worker);
        worker.start();

        Await.until("eleven runs", () -> done.getCount() == 0);

        assertEquals(List.of(ms(200), ms(400), ms(800), ms(1600), ms(3200), ms(5000), ms(5000), ms(5000), ms(200)),
                pauses);
        assertEquals(9, cleanedUp.size(), "every failed unit is cleaned up after");
    }

    @Test
    void severalThreadsShareTheWorkWhileMoreIsWaiting() throws InterruptedException {
        Set<String> threadsThatWorked = ConcurrentHashMap.newKeySet();
        CountDownLatch bothBusy = new CountDownLatch(2);
        start("shared", 2, () -> {
            threadsThatWorked.add(Thread.currentThread().getName());
            bothBusy.countDown();
            try {
                // each unit holds its thread until the other thread took a unit too
                return !bothBusy.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });

        assertTrue(bothBusy.await(10, TimeUnit.SECONDS), "two units ran at the same time");
        assertEquals(Set.of("shared-1", "shared-2"), threadsThatWorked);
    }

    @Test
    void stopWaitsForTheUnitInProgressAndEndsTheThreads() throws InterruptedException {
        CountDownLatch inUnit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean unitFinished = new AtomicBoolean();
        PollingWorker worker = start("stopping", 1, () -> {
            inUnit.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            unitFinished.set(true);
            return false;
        });
        assertTrue(inUnit.await(10, TimeUnit.SECONDS));

        CountDownLatch stopping = new CountDownLatch(1);
        AtomicBoolean finishedBeforeStopReturned = new AtomicBoolean();
        Thread stopper = new Thread(() -> {
            stopping.countDown();
            worker.stop(PATIENCE);
            finishedBeforeStopReturned.set(unitFinished.get());
        });
        stopper.start();
        assertTrue(stopping.await(10, TimeUnit.SECONDS));
        release.countDown();
        stopper.join(PATIENCE.toMillis());

        assertFalse(stopper.isAlive(), "stop returned");
        assertTrue(finishedBeforeStopReturned.get(), "stop waited for the unit in progress");
        assertFalse(Await.threadAlive("stopping"), "the worker thread ended");
    }

    @Test
    void stopEndsEveryThreadOfTheWorkerNotOnlyTheFirstToWake() {
        AtomicInteger runs = new AtomicInteger();
        PollingWorker worker = start("idle", 4, idle(runs));
        Await.until("each of the four threads ran once and now waits", () -> runs.get() == 4);

        worker.stop(PATIENCE);

        assertFalse(Await.threadAlive("idle-"), "no thread left waiting for the next poll");
    }

    @Test
    void stopReturnsAfterItsPatienceEvenIfAUnitHangs() throws InterruptedException {
        CountDownLatch inUnit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PollingWorker worker = start("hanging", 1, () -> {
            inUnit.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        });
        assertTrue(inUnit.await(10, TimeUnit.SECONDS));

        worker.stop(Duration.ofMillis(1));

        assertTrue(Await.threadAlive("hanging"), "a daemon thread is left to finish its unit");
        release.countDown();
        Await.until("the hanging unit finished and its thread ended", () -> !Await.threadAlive("hanging"));
    }

    @Test
    void needsAtLeastOneThread() {
        assertThrows(IllegalArgumentException.class, () -> new PollingWorker("none", 0, AN_HOUR, () -> false, e -> {
        }));
    }

    /** Work that counts its runs and never finds more. */
    private static BooleanSupplier idle(AtomicInteger runs) {
        return () -> {
            runs.incrementAndGet();
            return false;
        };
    }

    private PollingWorker start(String name, int threads, BooleanSupplier work) {
        PollingWorker worker = new PollingWorker(name, threads, AN_HOUR, work, failure -> {
        });
        started.add(worker);
        worker.start();
        return worker;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}

package io.feedbackloop.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollingWorkersTest {

    private final PollingWorkers workers = new PollingWorkers();

    @AfterEach
    void shutDown() {
        workers.stopAll();
    }

    @Test
    void aStartedWorkerRunsUntilTheApplicationShutsDown() {
        AtomicInteger runs = new AtomicInteger();
        workers.start(PollingWorkers.Schedule.of("escalator", Duration.ofHours(1)), () -> {
            runs.incrementAndGet();
            return false;
        });
        Await.until("the first run", () -> runs.get() == 1);
        assertTrue(Await.threadAlive("escalator"));

        workers.stopAll(null);

        assertFalse(Await.threadAlive("escalator"), "shutdown joined the worker's thread");
    }

    @Test
    void aDisabledWorkerNeverRunsAndItsWakeUpsAreHarmless() {
        AtomicInteger runs = new AtomicInteger();
        PollingWorker worker = workers.start(PollingWorkers.Schedule.of("fan-out", Duration.ofMillis(1))
                .enabledIf(false), () -> {
                    runs.incrementAndGet();
                    return true;
                });

        worker.wakeUp();

        assertFalse(Await.threadAlive("fan-out"));
        assertEquals(0, runs.get());
    }

    @Test
    void everyWorkerIsStoppedWithEachOfItsThreads() {
        AtomicInteger runs = new AtomicInteger();
        workers.start(PollingWorkers.Schedule.of("dispatcher", Duration.ofHours(1)).withThreads(3), () -> {
            runs.incrementAndGet();
            return false;
        });
        workers.start(PollingWorkers.Schedule.of("relay", Duration.ofHours(1)).stopWithin(Duration.ofSeconds(25)),
                () -> false, failure -> {
                });
        Await.until("all three dispatcher threads ran", () -> runs.get() == 3);

        workers.stopAll(null);

        assertFalse(Await.threadAlive("dispatcher-"));
        assertFalse(Await.threadAlive("relay"));
    }

    @Test
    void aScheduleStartsWithOneEnabledThreadAndTenSecondsToStop() {
        PollingWorkers.Schedule schedule = PollingWorkers.Schedule.of("sla-escalator", Duration.ofSeconds(30));

        assertEquals(new PollingWorkers.Schedule("sla-escalator", Duration.ofSeconds(30), 1, true,
                Duration.ofSeconds(10)), schedule);
        assertThrows(IllegalArgumentException.class, () -> schedule.withThreads(0));
    }
}

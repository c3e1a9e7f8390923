package io.feedbackloop.kit.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Owns the lifecycle of the service's {@link PollingWorker}s: a bean starts its worker with one
 * call from its {@code StartupEvent} observer, and every worker is stopped, its threads joined,
 * when the application shuts down.
 */
@ApplicationScoped
public class PollingWorkers {

    private static final Duration DEFAULT_STOP_PATIENCE = Duration.ofSeconds(10);

    private final List<Started> started = new ArrayList<>();

    /**
     * When and how a worker runs.
     *
     * @param threads      units run at once (see {@link PollingWorker}: only for work that claims its rows)
     * @param enabled      false: the worker never runs (a switch such as {@code case.escalation.enabled})
     * @param stopPatience how long shutdown waits for a unit in progress to finish
     */
    public record Schedule(String name, Duration pollInterval, int threads, boolean enabled, Duration stopPatience) {

        public Schedule {
            if (threads < 1) {
                throw new IllegalArgumentException(name + ": at least one thread, not " + threads);
            }
        }

        /** One thread, enabled, ten seconds to stop. */
        public static Schedule of(String name, Duration pollInterval) {
            return new Schedule(name, pollInterval, 1, true, DEFAULT_STOP_PATIENCE);
        }

        public Schedule withThreads(int count) {
            return new Schedule(name, pollInterval, count, enabled, stopPatience);
        }

        public Schedule enabledIf(boolean condition) {
            return new Schedule(name, pollInterval, threads, condition, stopPatience);
        }

        public Schedule stopWithin(Duration patience) {
            return new Schedule(name, pollInterval, threads, enabled, patience);
        }
    }

    private record Started(PollingWorker worker, Duration stopPatience) {
    }

    /**
     * Starts a worker (unless its schedule is disabled) that runs until the application shuts down.
     *
     * @param work does one unit of work; returns true if more is waiting
     * @return the worker, to wake it up when new work is committed; a disabled one ignores wake-ups
     */
    public PollingWorker start(Schedule schedule, BooleanSupplier work) {
        return start(schedule, work, failure -> {
        });
    }

    /** @param onFailure cleans up after a failed unit (e.g. drops a broken connection) */
    public synchronized PollingWorker start(Schedule schedule, BooleanSupplier work,
                                            Consumer<RuntimeException> onFailure) {
        PollingWorker worker = new PollingWorker(schedule.name(), schedule.threads(), schedule.pollInterval(), work,
                onFailure);
        if (schedule.enabled()) {
            worker.start();
            started.add(new Started(worker, schedule.stopPatience()));
        }
        return worker;
    }

    /** Before the default observers, so a worker's unit is over before its bean releases what the unit uses. */
    void stopAll(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) ShutdownEvent shutdown) {
        stopAll();
    }

    synchronized void stopAll() {
        for (Started each : started) {
            each.worker().stop(each.stopPatience());
        }
        started.clear();
    }
}

package io.feedbackloop.action.cases;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** What ops watch on a dashboard: cases open now, and how many of them are past a deadline. */
@ApplicationScoped
public class CaseGauges {

    private final AtomicLong open = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    void register(@Observes StartupEvent startup) {
        registry.gauge("cases.open", open);
        registry.gauge("cases.overdue", overdue);
    }

    @Scheduled(every = "${cases.gauges.refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        Object[] counts = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                SELECT count(*) FILTER (WHERE status <> 'closed'),
                       count(*) FILTER (WHERE status <> 'closed' AND ((first_response_at IS NULL AND first_response_due_at < ?1)
                                                                      OR resolution_due_at < ?1))
                FROM support_case""").setParameter(1, clock.instant()).getSingleResult());
        open.set(((Number) counts[0]).longValue());
        overdue.set(((Number) counts[1]).longValue());
    }
}

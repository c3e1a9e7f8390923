package io.feedbackloop.action.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.feedbackloop.action.config.CaseConfig;
import io.feedbackloop.action.identity.TeamMember;
import io.feedbackloop.action.sla.CasePriority;
import io.feedbackloop.action.teams.Teams;
import io.feedbackloop.kit.messaging.PollingWorkers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Escalates cases whose first-response or resolution deadline passed: once per breach, the case
 * goes up one priority, to the owner team's lead, with an {@code escalated} entry in its journal.
 * Runs on every replica: rows are claimed with {@code FOR UPDATE SKIP LOCKED} and the breach is
 * marked in the same transaction, so no two replicas escalate the same breach.
 */
@ApplicationScoped
public class SlaEscalator {

    static final String ACTOR = "sla-scheduler";
    static final String FIRST_RESPONSE = "first-response";
    static final String RESOLUTION = "resolution";

    @Inject
    EntityManager entityManager;

    @Inject
    CaseJournal journal;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    @Inject
    CaseConfig config;

    @Inject
    PollingWorkers workers;

    void start(@Observes StartupEvent startup) {
        workers.start(PollingWorkers.Schedule.of("sla-escalator", config.escalation().interval())
                .enabledIf(config.escalation().enabled()), this::escalateBreaches);
    }

    /** @return true when a full batch was escalated: more may be waiting, so the next runs at once */
    boolean escalateBreaches() {
        List<String> breaches = QuarkusTransaction.requiringNew().call(this::escalateBatch);
        // counted once committed, so a rolled-back batch is not counted
        breaches.forEach(breach -> registry.counter("cases.escalated", "breach", breach).increment());
        return breaches.size() >= config.escalation().batchSize();
    }

    private List<String> escalateBatch() {
        Instant now = clock.instant();
        List<String> breaches = new ArrayList<>();
        for (SupportCase c : breachedCases(now)) {
            if (c.firstResponseAt == null && c.firstResponseEscalatedAt == null && !c.firstResponseDueAt.isAfter(now)) {
                c.firstResponseEscalatedAt = now;
                escalate(c, FIRST_RESPONSE);
                breaches.add(FIRST_RESPONSE);
            }
            if (c.resolvedAt == null && c.resolutionEscalatedAt == null && c.resolutionDueAt != null
                    && !c.resolutionDueAt.isAfter(now)) {
                c.resolutionEscalatedAt = now;
                escalate(c, RESOLUTION);
                breaches.add(RESOLUTION);
            }
        }
        return breaches;
    }

    /** Open cases with a deadline passed and not yet escalated, locked; rows another replica holds are skipped. */
    @SuppressWarnings("unchecked")
    private List<SupportCase> breachedCases(Instant now) {
        return entityManager.createNativeQuery("""
                SELECT * FROM support_case
                WHERE status <> 'closed' AND closed_at IS NULL
                  AND ((first_response_at IS NULL AND first_response_escalated_at IS NULL AND first_response_due_at <= ?1)
                    OR (resolved_at IS NULL AND resolution_escalated_at IS NULL AND resolution_due_at <= ?1))
                ORDER BY opened_at, id
                LIMIT ?2
                FOR UPDATE SKIP LOCKED""", SupportCase.class)
                .setParameter(1, now).setParameter(2, config.escalation().batchSize()).getResultList();
    }

    private void escalate(SupportCase c, String breach) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("breach", breach);
        details.put("dueAt", (FIRST_RESPONSE.equals(breach) ? c.firstResponseDueAt : c.resolutionDueAt).toString());
        details.put("priorityFrom", c.priority);
        CasePriority priority = CasePriority.of(c.priority);
        c.priority = (priority == null ? CasePriority.NORMAL : priority.raised()).label();
        details.put("priorityTo", c.priority);
        details.put("assigneeFrom", c.assignee);
        TeamMember lead = Teams.firstActiveLead(c.ownerTeam);
        if (lead != null) {
            c.assignee = lead.email;
        }
        details.put("assigneeTo", c.assignee);
        c.escalationLevel++;
        details.put("escalationLevel", c.escalationLevel);
        journal.record(c, ACTOR, "escalated", details, null);
    }
}

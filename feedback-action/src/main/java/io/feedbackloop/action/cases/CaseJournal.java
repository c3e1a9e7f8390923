package io.feedbackloop.action.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Records every change of a case twice, in the change's own transaction: an audit entry (what
 * ops read back) and an {@code action.updated.v1} event (what the other services and people
 * watching the topic see).
 */
@ApplicationScoped
public class CaseJournal {

    @Inject
    CaseEvents events;

    @Inject
    Clock clock;

    /**
     * @param change        assigned, commented, replied, status-changed, escalated, reopened, labels-changed, closed
     * @param customerReply the words for the customer, for {@code replied}; otherwise null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(SupportCase c, String actor, String change, Map<String, Object> details, String customerReply) {
        Instant now = clock.instant();
        c.updatedAt = now;
        CaseAudit audit = new CaseAudit();
        audit.id = UUID.randomUUID();
        audit.caseId = c.id;
        audit.at = now;
        audit.actor = actor;
        audit.action = change;
        audit.details = details;
        audit.persist();
        events.changed(c, audit, customerReply);
    }
}

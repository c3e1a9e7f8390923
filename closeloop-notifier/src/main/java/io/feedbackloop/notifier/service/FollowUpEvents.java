package io.feedbackloop.notifier.service;

import io.feedbackloop.kit.messaging.EventOutbox;
import io.feedbackloop.notifier.messaging.FollowUpFailedEvent;
import io.feedbackloop.notifier.messaging.FollowUpSentEvent;
import io.feedbackloop.notifier.repository.FollowUp;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Tells the loop what became of a message, in the transaction that records it: ingest marks the
 * feedback followed up, action counts the case answered. Keyed by feedback id (invitation id for
 * survey invitations, which answer no feedback).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FollowUpEvents {

    public static final String FAILED = "failed";
    public static final String UNDELIVERED = "undelivered";
    public static final String SUPPRESSED = "suppressed";

    @Inject
    EventOutbox outbox;

    @Inject
    MeterRegistry registry;

    public void sent(FollowUp f) {
        outbox.publish(FollowUpSentEvent.TOPIC, FollowUpSentEvent.TYPE, key(f),
                new FollowUpSentEvent(f.id, f.feedbackId, f.caseId, invitationId(f), f.kind, f.channel, f.sentAt));
        registry.counter("followups.sent", "kind", f.kind, "channel", f.channel).increment();
    }

    public void failed(FollowUp f, String outcome) {
        outbox.publish(FollowUpFailedEvent.TOPIC, FollowUpFailedEvent.TYPE, key(f),
                new FollowUpFailedEvent(f.id, f.feedbackId, f.caseId, invitationId(f), f.kind, f.channel, outcome,
                        f.failedAt, f.attempts, f.statusReason));
        registry.counter("followups.not.sent", "kind", f.kind, "channel", f.channel, "outcome", outcome).increment();
    }

    private static java.util.UUID invitationId(FollowUp f) {
        return MessageKind.SURVEY_INVITATION.id().equals(f.kind) ? f.referenceId : null;
    }

    private static String key(FollowUp f) {
        return f.feedbackId != null ? f.feedbackId.toString() : String.valueOf(f.referenceId);
    }
}

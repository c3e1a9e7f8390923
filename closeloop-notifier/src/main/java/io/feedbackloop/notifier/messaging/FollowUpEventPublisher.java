package io.feedbackloop.notifier.messaging;

import java.util.List;
import java.util.UUID;

import io.feedbackloop.kit.messaging.EventOutbox;
import io.feedbackloop.kit.privacy.CustomerErasure;
import io.feedbackloop.notifier.events.FollowUpFailedEvent;
import io.feedbackloop.notifier.events.FollowUpSentEvent;
import io.feedbackloop.notifier.mapping.FollowUpMapper;
import io.feedbackloop.notifier.repository.FollowUp;
import io.feedbackloop.notifier.service.FollowUpEvents;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Writes {@code followup.sent.v1} / {@code followup.failed.v1} to the outbox and counts them. Keyed
 * by feedback id (invitation id for survey invitations, which answer no feedback).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FollowUpEventPublisher implements FollowUpEvents {

    @Inject
    EventOutbox outbox;

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager entityManager;

    @Override
    public void sent(FollowUp f) {
        outbox.publish(FollowUpSentEvent.TOPIC, FollowUpSentEvent.TYPE, key(f), FollowUpMapper.toSentEvent(f));
        registry.counter("followups.sent", "kind", f.kind, "channel", f.channel).increment();
    }

    @Override
    public void failed(FollowUp f, String outcome) {
        outbox.publish(FollowUpFailedEvent.TOPIC, FollowUpFailedEvent.TYPE, key(f), FollowUpMapper.toFailedEvent(f, outcome));
        registry.counter("followups.not.sent", "kind", f.kind, "channel", f.channel, "outcome", outcome).increment();
    }

    @Override
    public void eraseProviderWords(List<UUID> followUpIds) {
        if (followUpIds.isEmpty()) {
            return;
        }
        // the outbox keeps each payload as the JSON text that is relayed: rewrite its reason in place
        entityManager.createNativeQuery("""
                UPDATE outbox_event SET payload = CAST(jsonb_set(CAST(payload AS jsonb), ARRAY['reason'],
                    to_jsonb(CAST(?2 AS text))) AS text)
                WHERE topic = ?3 AND CAST(payload AS jsonb) ->> 'followUpId' = ANY(CAST(?1 AS varchar[]))
                  AND CAST(payload AS jsonb) ->> 'outcome' <> ?4 AND CAST(payload AS jsonb) ->> 'reason' IS NOT NULL""")
                .setParameter(1, followUpIds.stream().map(UUID::toString).toArray(String[]::new))
                .setParameter(2, CustomerErasure.ERASED_TEXT).setParameter(3, FollowUpFailedEvent.TOPIC)
                .setParameter(4, FollowUpEvents.SUPPRESSED).executeUpdate();
    }

    private static String key(FollowUp f) {
        return f.feedbackId != null ? f.feedbackId.toString() : String.valueOf(f.referenceId);
    }
}

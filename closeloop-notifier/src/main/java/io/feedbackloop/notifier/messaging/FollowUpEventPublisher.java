package io.feedbackloop.notifier.messaging;

import io.feedbackloop.kit.messaging.EventOutbox;
import io.feedbackloop.notifier.events.FollowUpFailedEvent;
import io.feedbackloop.notifier.events.FollowUpSentEvent;
import io.feedbackloop.notifier.mapping.FollowUpMapper;
import io.feedbackloop.notifier.repository.FollowUp;
import io.feedbackloop.notifier.service.FollowUpEvents;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    private static String key(FollowUp f) {
        return f.feedbackId != null ? f.feedbackId.toString() : String.valueOf(f.referenceId);
    }
}

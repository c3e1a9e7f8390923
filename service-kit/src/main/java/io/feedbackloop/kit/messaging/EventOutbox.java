package io.feedbackloop.kit.messaging;

import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.kit.tracing.EventTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Publishes an event by writing it to the outbox inside the caller's transaction: the event
 * exists exactly when the business change it describes was committed, whether or not Kafka is
 * up at that moment.
 */
@ApplicationScoped
public class EventOutbox {

    @Inject
    ObjectMapper mapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    EventTracing tracing;

    @Inject
    Clock clock;

    /**
     * @param topic   Kafka topic (public contract)
     * @param type    CloudEvents type, e.g. {@code feedbackloop.feedback.received.v1}
     * @param key     record key: the feedback id, which keeps one feedback's events in order
     * @param payload serialised to JSON as the record value
     * @return the event id ({@code ce_id}), which consumers use to drop redeliveries
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, String key, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.eventType = type;
        event.recordKey = key;
        event.subject = key;
        event.payload = toJson(payload);
        event.createdAt = clock.instant();
        event.traceParent = tracing.traceparentForNewEvent(topic);
        event.persist();
        relay.wakeUpAfterCommit(transactions);
        return event.eventId;
    }

    private String toJson(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable: " + payload.getClass(), e);
        }
    }
}

package io.feedbackloop.kit.messaging;

import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.kit.privacy.DataKeys;
import io.feedbackloop.kit.privacy.FieldCipher;
import io.feedbackloop.kit.privacy.PersonalFields;
import io.feedbackloop.kit.privacy.PrivacyConfig;
import io.feedbackloop.kit.privacy.Pseudonyms;
import io.feedbackloop.kit.tracing.EventTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Publishes an event by writing it to the outbox inside the caller's transaction: the event
 * exists exactly when the business change it describes was committed, whether or not Kafka is
 * up at that moment.
 *
 * <p>The personal fields of a topic ({@code privacy.personal-data."<topic>".fields}) are sealed
 * here with the data key of the customer the event is about: the outbox row, the record on the
 * topic and any dead letter of it become unreadable together when that key is destroyed.
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

    @Inject
    PrivacyConfig privacy;

    @Inject
    DataKeys keys;

    @Inject
    Pseudonyms pseudonyms;

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
        JsonNode json = mapper.valueToTree(payload);
        PrivacyConfig.PersonalData personal = privacy.personalData().get(topic);
        if (personal != null) {
            event.customerRef = seal(topic, json, personal);
        }
        event.payload = toJson(json);
        event.createdAt = clock.instant();
        event.traceParent = tracing.traceparentForNewEvent(topic);
        event.persist();
        relay.wakeUpAfterCommit(transactions);
        return event.eventId;
    }

    /** Seals the event's personal text in place; returns the pseudonym of the customer it is about, if any. */
    private String seal(String topic, JsonNode json, PrivacyConfig.PersonalData personal) {
        String customerId = json.at(personal.customer()).asText(null);
        if (customerId == null || customerId.isBlank()) {
            int personalFields = PersonalFields.replaceAt(json.deepCopy(), personal.fields(), text -> text);
            if (personalFields > 0) {
                // refusing beats publishing an address no erasure could ever reach
                throw new IllegalStateException(topic + " event with personal data but no customer at "
                        + personal.customer());
            }
            return null;
        }
        if (customerId.startsWith(Pseudonyms.PREFIX)) {
            // an erased customer's row: whatever text is left goes nowhere
            PersonalFields.replaceAt(json, personal.fields(), text -> null);
            return null;
        }
        if (privacy.sealEvents()) {
            DataKeys.KeyForSealing[] key = new DataKeys.KeyForSealing[1];
            PersonalFields.replaceAt(json, personal.fields(), text -> {
                if (key[0] == null) {
                    key[0] = keys.keyFor(customerId);
                }
                return FieldCipher.seal(key[0].keyId(), key[0].key(), text);
            });
        }
        return pseudonyms.customerRef(customerId);
    }

    private String toJson(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable: " + payload.getClass(), e);
        }
    }
}

package io.feedbackloop.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.ProducerExamples;
import io.feedbackloop.stack.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A customer's erasure as feedback-ingest asks for it, and the notifier's answer. */
final class Erasures {

    static final String REQUESTED = "customer.erased.v1";
    static final String CONFIRMED = "customer.erasure.confirmed.v1";

    private Erasures() {
    }

    /** Publishes {@code customer.erased.v1} (the example ingest publishes with its schema) and returns the confirmation. */
    static JsonNode erase(String customerId, boolean eraseText) throws Exception {
        String erasureId = UUID.randomUUID().toString();
        try (TopicProbe topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), CONFIRMED)) {
            ObjectNode request = ProducerExamples.example("feedback-ingest", REQUESTED, UUID.randomUUID());
            request.put("erasureId", erasureId).put("customerId", customerId).put("eraseText", eraseText)
                    .remove("feedbackId");
            topics.publishEvent(REQUESTED, erasureId, UUID.randomUUID().toString(), request.toString());
            List<ConsumerRecord<String, String>> confirmed = topics.await(CONFIRMED, r -> erasureId.equals(r.key()), 1,
                    Duration.ofSeconds(20));
            assertEquals(1, confirmed.size(), "the notifier confirms the erasure");
            return Events.JSON.readTree(confirmed.get(0).value());
        }
    }
}

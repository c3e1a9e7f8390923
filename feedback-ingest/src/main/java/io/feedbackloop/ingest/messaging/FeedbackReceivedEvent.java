package io.feedbackloop.ingest.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code feedback.received.v1} (schema: {@code /schemas/feedback.received.v1.json}).
 * Carries the customer's contact so that later stages never call back into this service.
 */
public record FeedbackReceivedEvent(UUID feedbackId, Instant receivedAt, String channel, Customer customer,
                                    Integer npsScore, String text) {

    public static final String TOPIC = "feedback.received.v1";
    public static final String TYPE = "feedbackloop.feedback.received.v1";

    public record Customer(String id, String email, String name, String locale) {
    }
}

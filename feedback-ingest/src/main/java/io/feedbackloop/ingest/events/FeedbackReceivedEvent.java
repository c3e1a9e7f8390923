package io.feedbackloop.ingest.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Data of {@code feedback.received.v1} (schema: {@code /schemas/feedback.received.v1.json}).
 * Names the customer by id, segment and language only: their contact (email, phone, name) travels
 * on {@code customer.contact.v1} ({@link CustomerContactEvent}) to closeloop-notifier and nowhere else.
 */
public record FeedbackReceivedEvent(UUID feedbackId, Instant receivedAt, Instant respondedAt, String channel,
                                    Customer customer, Integer npsScore, List<Score> scores, String text,
                                    String language, String touchpoint, String journeyStage, String externalId,
                                    UUID invitationId, Map<String, Object> metadata) {

    public static final String TOPIC = "feedback.received.v1";
    public static final String TYPE = "feedbackloop.feedback.received.v1";

    public record Customer(String id, String segment, String locale) {
    }

    public record Score(String metric, int value, int scaleMin, int scaleMax) {
    }
}

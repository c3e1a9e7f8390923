package io.feedbackloop.ingest.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code feedback.commented.v1} (schema: {@code /schemas/feedback.commented.v1.json}):
 * the customer's words arrived after their score, for the same response. The customer id says
 * whose data key seals the text.
 */
public record FeedbackCommentedEvent(UUID feedbackId, String customerId, Instant commentedAt, String channel,
                                     String text, String language) {

    public static final String TOPIC = "feedback.commented.v1";
    public static final String TYPE = "feedbackloop.feedback.commented.v1";
}

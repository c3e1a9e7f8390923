package io.feedbackloop.categorize.messaging;

import java.time.Instant;
import java.util.UUID;

import io.feedbackloop.categorize.service.NpsClass;

/** Data of {@code feedback.categorized.v1} (schema: {@code /schemas/feedback.categorized.v1.json}). */
public record FeedbackCategorizedEvent(UUID feedbackId, Instant categorizedAt, String channel, Customer customer,
                                       Integer npsScore, NpsClass npsClass, String text) {

    public static final String TOPIC = "feedback.categorized.v1";
    public static final String TYPE = "feedbackloop.feedback.categorized.v1";

    public record Customer(String id, String email, String name, String locale) {
    }
}

package io.feedbackloop.action.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code improvement.announced.v1}: tell one customer what was done about what they said
 * (schema: {@code /schemas/improvement.announced.v1.json}). One event per linked feedback, keyed
 * by the feedback id; published once per (action, feedback).
 *
 * @param text     the customer's own words, to quote back to them
 * @param message  what the customer is told, in {@code language}
 * @param language the language of {@code message}: the customer's own if the action has it, else English
 */
public record ImprovementAnnouncedEvent(UUID actionId, UUID feedbackId, Customer customer, String text,
                                        Instant respondedAt, String theme, String title, String message,
                                        String language, String teamId, Instant announcedAt) {

    public static final String TOPIC = "improvement.announced.v1";
    public static final String TYPE = "feedbackloop.improvement.announced.v1";

    /**
     * The customer to tell, never contact data: the notifier finds how to reach them by
     * {@code feedbackId} (its contact directory, filled from {@code customer.contact.v1}).
     */
    public record Customer(String id, String locale) {
    }
}

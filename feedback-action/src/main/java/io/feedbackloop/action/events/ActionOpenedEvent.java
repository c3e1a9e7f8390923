package io.feedbackloop.action.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code action.opened.v1} (schema: {@code /schemas/action.opened.v1.json}).
 *
 * @param reason   the name of the case rule that opened it (same as ruleName; kept for older consumers)
 * @param assignee the person the routing rule gave it to, or null
 */
public record ActionOpenedEvent(UUID caseId, UUID feedbackId, Instant openedAt, String priority, String reason,
                                String ownerTeam, Instant firstResponseDueAt, String channel, Customer customer,
                                Integer npsScore, String text, String ruleName, List<String> themes,
                                List<String> urgency, String sentiment, String type, Instant resolutionDueAt,
                                String assignee) {

    public static final String TOPIC = "action.opened.v1";
    public static final String TYPE = "feedbackloop.action.opened.v1";

    /**
     * Who the case is about: their reference, language and segment, never contact data. The notifier
     * finds how to reach them by {@code feedbackId} (its contact directory, filled from
     * {@code customer.contact.v1}).
     */
    public record Customer(String id, String locale, String segment) {
    }
}

package io.feedbackloop.action.messaging;

import java.time.Instant;
import java.util.UUID;

/** Data of {@code action.opened.v1} (schema: {@code /schemas/action.opened.v1.json}). */
public record ActionOpenedEvent(UUID caseId, UUID feedbackId, Instant openedAt, String priority, String reason,
                                String ownerTeam, Instant firstResponseDueAt, String channel, Customer customer,
                                Integer npsScore, String text) {

    public static final String TOPIC = "action.opened.v1";
    public static final String TYPE = "feedbackloop.action.opened.v1";

    public record Customer(String id, String email, String name, String locale) {
    }
}

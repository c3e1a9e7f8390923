package io.feedbackloop.action.rest;

import java.time.Instant;
import java.util.UUID;

/**
 * A case as ops see it.
 *
 * @param firstResponseDueIn seconds left to the first-response deadline (negative when overdue,
 *                           null once the customer has been answered)
 */
public record CaseView(UUID id, UUID feedbackId, String status, String priority, String reason, String ownerTeam,
                       String channel, String customerId, Integer npsScore, String text, Instant openedAt,
                       Instant firstResponseDueAt, Instant firstResponseAt, Long firstResponseDueIn) {
}

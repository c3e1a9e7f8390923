package io.feedbackloop.notifier.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A message owed to a customer: what, through which channel, where it stands and why.
 *
 * @param statusReason why it waits (quiet hours), was suppressed (opt-out, cap, no address) or failed
 * @param idempotencyKey what made it unique: one message per trigger
 */
public record FollowUpView(UUID id, String idempotencyKey, UUID feedbackId, UUID caseId, UUID referenceId,
                           String triggerEvent, String kind, String channel, String customerId, String locale,
                           String status, String statusReason, int attempts, Instant createdAt, Instant nextAttemptAt,
                           Instant sentAt, Instant deliveredAt, Instant failedAt, String providerMessageId,
                           String subject, String body, Map<String, String> details) {
}

package io.feedbackloop.notifier.rest;

import java.time.Instant;
import java.util.UUID;

/** A message owed to a customer: what, through which channel, and where it stands. */
public record FollowUpView(UUID id, UUID feedbackId, UUID caseId, String kind, String channel, String locale,
                           String status, int attempts, Instant createdAt, Instant sentAt, Instant nextAttemptAt,
                           String lastError) {
}

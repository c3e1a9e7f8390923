package io.feedbackloop.action.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** This service's reading of {@code followup.sent.v1} (published by closeloop-notifier). */
public record FollowUpSent(@NotNull UUID feedbackId, UUID caseId, Instant sentAt, String channel) {
}

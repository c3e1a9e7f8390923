package io.feedbackloop.action.events;

import java.time.Instant;
import java.util.UUID;

/**
 * This service's reading of {@code followup.sent.v1} (published by closeloop-notifier); a survey
 * invitation answers no feedback and has no feedback id.
 */
public record FollowUpSent(UUID feedbackId, UUID caseId, Instant sentAt, String channel) {
}

package io.feedbackloop.ingest.messaging;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * What this service reads from the downstream events (feedback.categorized, action.opened,
 * followup.sent, followup.failed) to show the loop status; every other field is ignored.
 */
public record LoopProgressEvent(@NotNull UUID feedbackId, String npsClass, UUID caseId, String channel,
                                String reason) {
}

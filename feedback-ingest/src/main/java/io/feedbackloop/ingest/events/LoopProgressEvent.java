package io.feedbackloop.ingest.events;

import java.util.UUID;

/**
 * What this service reads from the downstream events (feedback.categorized, action.opened,
 * followup.sent, followup.failed) to show the loop status; every other field is ignored. A
 * follow-up about no feedback (a survey invitation) has no feedback id.
 */
public record LoopProgressEvent(UUID feedbackId, String npsClass, UUID caseId, String channel,
                                String reason) {
}

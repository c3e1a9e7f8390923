package io.feedbackloop.notifier.messaging;

import java.time.Instant;
import java.util.UUID;

/** Data of {@code followup.failed.v1} (schema: {@code /schemas/followup.failed.v1.json}). */
public record FollowUpFailedEvent(UUID followUpId, UUID feedbackId, UUID caseId, String kind, String channel,
                                  Instant failedAt, int attempts, String reason) {

    public static final String TOPIC = "followup.failed.v1";
    public static final String TYPE = "feedbackloop.followup.failed.v1";
}

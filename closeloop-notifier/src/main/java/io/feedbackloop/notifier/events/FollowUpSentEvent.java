package io.feedbackloop.notifier.events;

import java.time.Instant;
import java.util.UUID;

/** Data of {@code followup.sent.v1} (schema: {@code /schemas/followup.sent.v1.json}). */
public record FollowUpSentEvent(UUID followUpId, UUID feedbackId, UUID caseId, UUID invitationId, String kind,
                                String channel, Instant sentAt) {

    public static final String TOPIC = "followup.sent.v1";
    public static final String TYPE = "feedbackloop.followup.sent.v1";
}

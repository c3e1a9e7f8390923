package io.feedbackloop.notifier.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code followup.failed.v1} (schema: {@code /schemas/followup.failed.v1.json}): a message
 * that will not reach the customer, because the provider refused it ({@code failed}), reported it
 * undeliverable ({@code undelivered}), or we held it back on purpose ({@code suppressed}).
 */
public record FollowUpFailedEvent(UUID followUpId, UUID feedbackId, UUID caseId, UUID invitationId, String kind,
                                  String channel, String outcome, Instant failedAt, int attempts, String reason) {

    public static final String TOPIC = "followup.failed.v1";
    public static final String TYPE = "feedbackloop.followup.failed.v1";
}

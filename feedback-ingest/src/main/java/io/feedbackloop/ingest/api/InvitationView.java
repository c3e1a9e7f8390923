package io.feedbackloop.ingest.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An invitation and what came of it.
 *
 * @param status        invited or skipped
 * @param reason        why it was skipped, e.g. contact-frequency
 * @param lastInvitedAt for a skipped invitation: when the customer was last asked
 * @param feedbackId    the first feedback answering it (or one of its reminders), if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvitationView(UUID id, String surveyId, String status, String reason, CustomerRef customer,
                             String touchpoint, boolean reminder, UUID reminderOf, String eventId, Instant createdAt,
                             Instant lastInvitedAt, Instant answeredAt, UUID feedbackId) {
}

package io.feedbackloop.ingest.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a business system posts when something happened that a survey should ask about. */
public record InvitationRequest(
        @Schema(description = "The survey to invite to", examples = "post-purchase-nps")
        @NotNull @Pattern(regexp = Surveys.ID_PATTERN, message = Surveys.ID_MESSAGE) String surveyId,
        @NotNull @Valid CustomerRef customer,
        @Schema(description = "Where the customer was when it happened", examples = "checkout")
        @Size(max = 100) @Pattern(regexp = Surveys.TOUCHPOINT_PATTERN, message = Surveys.TOUCHPOINT_MESSAGE) String touchpoint,
        @Schema(description = "Makes this a reminder of an earlier invitation of the same survey and customer; "
                + "reminders are exempt from the contact-frequency rule")
        UUID reminderOf,
        @Schema(description = "The business event's id: the same eventId again returns the first invitation",
                examples = "order-88121-delivered")
        @Size(min = 1, max = 200) @Pattern(regexp = "^\\S(.*\\S)?$", message = "must not start or end with blanks")
        String eventId) {
}

package io.feedbackloop.notifier.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** This service's reading of {@code survey.invited.v1} (published by feedback-ingest). */
public record SurveyInvitation(@NotNull UUID invitationId, @NotBlank String surveyId, String surveyName, String metric,
                               String channel, @NotNull @Valid InvitedCustomer customer, String touchpoint, boolean reminder,
                               Instant invitedAt) {
}

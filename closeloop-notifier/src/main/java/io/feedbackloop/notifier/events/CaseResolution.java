package io.feedbackloop.notifier.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** This service's reading of {@code action.resolved.v1} (published by feedback-action). */
public record CaseResolution(@NotNull UUID caseId, @NotNull UUID feedbackId, Instant resolvedAt, String resolutionCode,
                             String resolutionText, String ownerTeam, @NotNull @Valid Customer customer, String text) {
}

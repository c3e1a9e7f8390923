package io.feedbackloop.notifier.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** This service's reading of {@code action.opened.v1} (published by feedback-action). */
public record OpenedAction(@NotNull UUID caseId, @NotNull UUID feedbackId, Instant openedAt, String ownerTeam,
                           Instant firstResponseDueAt, @NotNull @Valid Customer customer, String text) {
}

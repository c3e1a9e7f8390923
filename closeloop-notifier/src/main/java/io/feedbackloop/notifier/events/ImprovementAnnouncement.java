package io.feedbackloop.notifier.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** This service's reading of {@code improvement.announced.v1}: one event per linked feedback. */
public record ImprovementAnnouncement(@NotNull UUID actionId, @NotNull UUID feedbackId, @NotNull @Valid Customer customer,
                                      String text, String theme, @NotBlank String title, @NotBlank String message,
                                      String language, String teamId, Instant announcedAt) {
}

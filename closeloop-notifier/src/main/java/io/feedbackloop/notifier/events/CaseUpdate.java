package io.feedbackloop.notifier.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * This service's reading of {@code action.updated.v1}: only {@code replied} changes concern the
 * customer; {@code details.commentId} names the reply.
 */
public record CaseUpdate(@NotNull UUID caseId, @NotNull UUID feedbackId, @NotBlank String change, Instant updatedAt,
                         Map<String, Object> details, String ownerTeam, @NotNull @Valid Customer customer,
                         String customerReply) {
}

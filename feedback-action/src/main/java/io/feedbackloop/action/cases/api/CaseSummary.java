package io.feedbackloop.action.cases.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A case in a list: enough to pick the next one to work on. Deadline fields as in {@link CaseView}.
 *
 * @param nextDueAt the most urgent deadline still to be met (the list's sort key); null for a closed case
 * @param overdue   whether that deadline has passed
 */
public record CaseSummary(UUID id, UUID feedbackId, String status, String priority, String ownerTeam,
                          String assignee,
                          @Schema(description = "the customer's reference (no contact data is held here)")
                          String customerId, String channel, List<String> themes,
                          int escalationLevel, int reopenCount, Instant openedAt, Instant nextDueAt, boolean overdue,
                          Instant firstResponseDueAt, Long firstResponseDueIn,
                          @Schema(enumeration = {"met", "missed", "pending"}) String firstResponseSla,
                          Instant resolutionDueAt, Long resolutionDueIn,
                          @Schema(enumeration = {"met", "missed", "pending"}) String resolutionSla,
                          long version) {
}

package io.feedbackloop.action.cases.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A case in a list: enough to pick the next one to work on. Deadline fields as in {@link CaseView}.
 *
 * @param nextDueAt the most urgent deadline still to be met (the default sort key); null for a closed case
 * @param overdue   whether that deadline has passed
 * @param excerpt   the customer's first words
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
                          long version,
                          @Schema(description = "the customer's first words: the feedback text with each run of "
                                  + "whitespace made one space, cut at 140 code points (at the last space before, "
                                  + "unless that keeps fewer than 70) with \u2026 appended when cut; null without text. "
                                  + "Raw text, not escaped for any markup: escape it where you show it",
                                  maxLength = 141, nullable = true)
                          String excerpt,
                          @Schema(description = "the categorized sentiment; null if none",
                                  enumeration = {"negative", "neutral", "positive"}, nullable = true)
                          String sentiment,
                          @Schema(description = "the language of the feedback text as categorized; null if unknown",
                                  enumeration = {"ru", "en", "other"}, nullable = true)
                          String language) {
}

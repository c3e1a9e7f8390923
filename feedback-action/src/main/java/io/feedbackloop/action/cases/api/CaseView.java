package io.feedbackloop.action.cases.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A case as ops see it: the feedback behind it, who owns it, its deadlines, its comments and how it
 * was resolved.
 * <p>
 * Each deadline comes with the seconds left to it ({@code ...DueIn}: negative when overdue, null once
 * met or when there is no such deadline) and its SLA status: {@code met} (done by the deadline),
 * {@code missed} (done late, or not done and overdue), {@code pending} (not done, still in time).
 * The first response is done when the customer is first written to (a customer reply here, the
 * notifier's first message, or closing the case); the resolution when the case is closed.
 *
 * @param version the row version; send it back as {@code If-Match} to refuse a change made on a stale view
 */
public record CaseView(UUID id, UUID feedbackId, String status, String priority,
                       @Schema(description = "why the case was opened: the rule's reason, e.g. nps-detractor") String reason,
                       UUID ruleId, String ruleName, String ownerTeam,
                       @Schema(description = "the routing rule that chose the owner team; null: the fallback team")
                       String routingRule,
                       String assignee, int escalationLevel, int reopenCount, Customer customer, Feedback feedback,
                       Instant openedAt, Instant updatedAt,
                       Instant firstResponseDueAt, Instant firstResponseAt, Long firstResponseDueIn,
                       @Schema(enumeration = {"met", "missed", "pending"}) String firstResponseSla,
                       Instant resolutionDueAt, Instant resolvedAt, Long resolutionDueIn,
                       @Schema(enumeration = {"met", "missed", "pending"}) String resolutionSla,
                       Instant closedAt, String resolutionCode, String rootCause,
                       @Schema(description = "what the customer is told") String resolutionText,
                       List<CommentView> comments, long version) {

    /**
     * Who the case is about: their reference, language and segment. No contact data is held here:
     * agents answer through the case (a customer reply), which the notifier delivers.
     */
    public record Customer(String id, String locale, String segment) {
    }

    /** What the customer said and how it was categorized. */
    public record Feedback(String channel, String touchpoint, String journeyStage, String text, String language,
                           Integer npsScore, Integer csatScore, Integer cesScore, String sentiment,
                           @Schema(description = "complaint, problem, idea, question or praise") String type,
                           @Schema(description = "taxonomy paths such as delivery/late") List<String> themes,
                           @Schema(description = "churn, legal, safety") List<String> urgency) {
    }
}

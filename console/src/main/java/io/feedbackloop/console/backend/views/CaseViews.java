package io.feedbackloop.console.backend.views;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** feedback-action's cases as the console reads them (unknown fields are ignored). */
public final class CaseViews {

    private CaseViews() {
    }

    public record CaseSummary(UUID id, UUID feedbackId, String status, String priority, String ownerTeam,
                              String assignee, String customerId, String channel, List<String> themes,
                              String excerpt, String sentiment, String language,
                              int escalationLevel, int reopenCount, Instant openedAt, Instant nextDueAt,
                              boolean overdue, Instant firstResponseDueAt, Long firstResponseDueIn,
                              String firstResponseSla, Instant resolutionDueAt, Long resolutionDueIn,
                              String resolutionSla, long version) {

        public boolean closed() {
            return "closed".equals(status);
        }

        /** Seconds to the most urgent open deadline (negative when overdue). */
        public Long dueIn() {
            if (firstResponseDueIn != null && "pending".equals(firstResponseSla)) {
                return firstResponseDueIn;
            }
            if (firstResponseDueIn != null && "missed".equals(firstResponseSla) && firstResponseDueIn < 0
                    && resolutionDueIn == null) {
                return firstResponseDueIn;
            }
            return resolutionDueIn;
        }

        /** on-track, due-soon (under an hour) or overdue */
        public String slaState() {
            Long left = dueIn();
            if (closed() || left == null) {
                return "none";
            }
            return overdue || left < 0 ? "overdue" : left < 3600 ? "due-soon" : "on-track";
        }
    }

    public record CasePage(List<CaseSummary> items, String next) {
    }

    public record Customer(String id, String locale, String segment) {
    }

    public record Feedback(String channel, String touchpoint, String journeyStage, String text, String language,
                           Integer npsScore, Integer csatScore, Integer cesScore, String sentiment, String type,
                           List<String> themes, List<String> urgency) {
    }

    public record Comment(UUID id, String author, String visibility, String text, Instant createdAt) {
        public boolean toCustomer() {
            return "customer".equals(visibility);
        }
    }

    public record CaseView(UUID id, UUID feedbackId, String status, String priority, String reason, UUID ruleId,
                           String ruleName, String ownerTeam, String routingRule, String assignee,
                           int escalationLevel, int reopenCount, Customer customer, Feedback feedback,
                           Instant openedAt, Instant updatedAt, Instant firstResponseDueAt, Instant firstResponseAt,
                           Long firstResponseDueIn, String firstResponseSla, Instant resolutionDueAt,
                           Instant resolvedAt, Long resolutionDueIn, String resolutionSla, Instant closedAt,
                           String resolutionCode, String rootCause, String resolutionText, List<Comment> comments,
                           long version) {
        public boolean closed() {
            return "closed".equals(status);
        }
    }

    public record AuditEntry(UUID id, Instant at, String actor, String action, Map<String, Object> details) {
        public String detailsText() {
            if (details == null || details.isEmpty()) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            details.forEach((k, v) -> out.append(out.isEmpty() ? "" : " · ").append(k).append(": ").append(v));
            return out.toString();
        }
    }

    public record Team(String id, String name, String timeZone, boolean fallback) {
    }

    public record Member(String email, String name, String role, String teamId, boolean active) {
        public String label() {
            return name == null || name.isBlank() ? email : name + " <" + email + ">";
        }
    }
}

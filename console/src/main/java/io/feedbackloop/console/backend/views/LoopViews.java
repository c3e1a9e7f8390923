package io.feedbackloop.console.backend.views;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What feedback-categorize, feedback-ingest and closeloop-notifier say about one feedback. */
public final class LoopViews {

    private LoopViews() {
    }

    public record Sentiment(String label, double score, double confidence) {
        public long percent() {
            return Math.round(confidence * 100);
        }
    }

    public record Classified(String label, double confidence) {
        public long percent() {
            return Math.round(confidence * 100);
        }
    }

    public record ThemeMatch(String theme, List<String> matched, String source) {
    }

    public record Score(String metric, int value, int scaleMin, int scaleMax, String scoreClass) {
    }

    public record Categorization(UUID feedbackId, String text, String language, Sentiment sentiment,
                                 Classified type, List<ThemeMatch> themes, List<String> urgency, String priority,
                                 List<Score> scores, Integer knowledgeVersion, Integer modelVersion,
                                 List<String> correctedFields, String correctedBy, Instant correctedAt,
                                 Instant categorizedAt) {
        public String themePaths() {
            return themes == null ? "" : String.join(", ", themes.stream().map(ThemeMatch::theme).toList());
        }

        public boolean flagged(String flag) {
            return urgency != null && urgency.contains(flag);
        }
    }

    public record Step(String stage, Instant at, String detail) {
    }

    public record LoopStatus(String stage, Instant receivedAt, List<Step> steps) {
    }

    public record FollowUp(UUID id, UUID caseId, String kind, String channel, String locale, String status,
                           String statusReason, Instant createdAt, Instant sentAt, Instant deliveredAt,
                           Instant failedAt, String subject, String body) {
        public Instant at() {
            return sentAt != null ? sentAt : failedAt != null ? failedAt : createdAt;
        }
    }

    /** A message as the customer would get it now. */
    public record Preview(String locale, String channel, String subject, String body, String html,
                          Boolean contactKnown, String suppressedReason) {
    }
}

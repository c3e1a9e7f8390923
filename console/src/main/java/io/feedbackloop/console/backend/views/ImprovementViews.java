package io.feedbackloop.console.backend.views;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** feedback-action's "you said, we did" improvement actions as the console reads them. */
public final class ImprovementViews {

    private ImprovementViews() {
    }

    /** Feedback linked, of it announced to the customer, and still waiting (for release or its turn). */
    public record Counts(long linked, long announced, long pending) {
    }

    /**
     * @param status draft or published
     * @param stage  draft, first-batch (until a lead releases it) or released
     */
    public record Improvement(UUID id, String teamId, String theme, String title, Map<String, String> message,
                              String status, String stage, int firstBatchSize, String createdBy, Instant createdAt,
                              Instant publishedAt, Instant releasedAt, Counts counts) {
        public boolean draft() {
            return "draft".equals(status);
        }

        public boolean firstBatch() {
            return "first-batch".equals(stage);
        }

        public String messageIn(String language) {
            return message == null ? null : message.get(language);
        }
    }

    public record LinkResult(int added, Counts counts) {
    }
}

package io.feedbackloop.action.improvements.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An improvement action and how far its fan-out is.
 *
 * @param status draft or published
 * @param stage  draft; first-batch (published: at most {@code firstBatchSize} customers are told
 *               until a lead releases it); released (everyone linked is told)
 */
public record ImprovementActionView(UUID id, String teamId, String theme, String title, Map<String, String> message,
                                    String status, String stage, int firstBatchSize, String createdBy,
                                    Instant createdAt, Instant publishedAt, Instant releasedAt, Counts counts) {

    /**
     * @param linked    feedback linked to the action
     * @param announced of them, customers whose message has been published
     * @param pending   linked but not yet announced (held back until release, or next in line)
     */
    public record Counts(long linked, long announced, long pending) {
    }
}

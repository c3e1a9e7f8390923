package io.feedbackloop.ingest.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A feedback as stored, with where it is in the loop. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackView(UUID id, CustomerRef customer, String channel, Integer npsScore, List<Score> scores,
                           String text, String language, String touchpoint, String journeyStage, String externalId,
                           UUID invitationId, Instant respondedAt, Instant receivedAt, Instant commentedAt,
                           Map<String, Object> metadata, LoopStatus loop) {

    /** A score with the scale it was given on. */
    public record Score(String metric, int value, int scaleMin, int scaleMax) {
    }

    /** @param stage the furthest stage reached: received, categorized, action_opened, followed_up, action_resolved */
    public record LoopStatus(String stage, List<Step> steps) {
    }

    public record Step(String stage, Instant at, String detail) {
    }
}

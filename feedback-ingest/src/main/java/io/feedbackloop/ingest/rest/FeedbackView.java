package io.feedbackloop.ingest.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A feedback as stored, with where it is in the loop. */
public record FeedbackView(UUID id, CustomerRef customer, String channel, Integer npsScore, String text,
                           Instant receivedAt, LoopStatus loop) {

    /** @param stage the furthest stage reached: received, categorized, action_opened, followed_up */
    public record LoopStatus(String stage, List<Step> steps) {
    }

    public record Step(String stage, Instant at, String detail) {
    }
}

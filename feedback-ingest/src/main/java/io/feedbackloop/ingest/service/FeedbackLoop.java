package io.feedbackloop.ingest.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.ingest.model.LoopStage;
import io.feedbackloop.ingest.repository.LoopStep;

/** A feedback's way through the loop: when it came, the furthest stage and every step, without the feedback itself. */
public record FeedbackLoop(UUID feedbackId, Instant receivedAt, LoopStage stage, List<LoopStep> steps) {
}

package io.feedbackloop.ingest.service;

import java.util.List;

import io.feedbackloop.ingest.repository.Feedback;
import io.feedbackloop.ingest.repository.FeedbackScore;
import io.feedbackloop.ingest.repository.LoopStep;

/** A feedback as stored, with its scores and the steps it has made through the loop so far. */
public record StoredFeedback(Feedback feedback, List<FeedbackScore> scores, List<LoopStep> steps) {
}

package io.feedbackloop.categorize.api;

import java.time.Instant;

import io.feedbackloop.categorize.text.Evaluation;

/**
 * A model trained on corrections, and how the categorizer did on those corrections without it
 * ({@code evaluation.before}) and with it ({@code evaluation.after}), by k-fold cross-validation.
 */
public record ModelView(int version, Instant trainedAt, int examples, Evaluation.Comparison evaluation) {
}

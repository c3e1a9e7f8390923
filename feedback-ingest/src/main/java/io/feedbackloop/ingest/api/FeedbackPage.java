package io.feedbackloop.ingest.api;

import java.util.List;

/** One page of a feedback listing; pass {@code nextCursor} back as {@code cursor} for the next. */
public record FeedbackPage(List<FeedbackView> items, String nextCursor) {
}

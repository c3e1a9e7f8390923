package io.feedbackloop.action.cases;

import java.time.Instant;
import java.util.List;

import io.feedbackloop.action.feedback.FeedbackCopy;

/**
 * A case with everything ops see about it, as read at one moment.
 *
 * @param feedback this service's copy of the categorized feedback (CSAT/CES scores, language); may be null
 * @param asOf     the moment the time left to each deadline is counted from
 */
public record CaseFile(SupportCase supportCase, FeedbackCopy feedback, List<CaseComment> comments, Instant asOf) {
}

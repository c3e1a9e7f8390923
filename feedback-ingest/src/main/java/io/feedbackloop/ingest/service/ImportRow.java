package io.feedbackloop.ingest.service;

import java.util.List;

import io.feedbackloop.ingest.rest.FeedbackSubmission;
import io.feedbackloop.kit.problem.Problem;

/** One row of an import file: the submission it reads as, or why it cannot be read. */
record ImportRow(long line, FeedbackSubmission submission, List<Problem.Violation> problems) {

    static ImportRow of(long line, FeedbackSubmission submission) {
        return new ImportRow(line, submission, List.of());
    }

    static ImportRow rejected(long line, List<Problem.Violation> problems) {
        return new ImportRow(line, null, problems);
    }
}

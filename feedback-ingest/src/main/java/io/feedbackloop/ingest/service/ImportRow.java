package io.feedbackloop.ingest.service;

import java.util.List;

import io.feedbackloop.ingest.model.NewFeedback;
import io.feedbackloop.kit.problem.Problem;

/**
 * One row of an import file: the feedback it reads as, or why it cannot be read.
 *
 * @param asSent the row as the file gave it; a row imported again must read the same, else it is a conflict
 */
public record ImportRow(long line, NewFeedback feedback, Object asSent, List<Problem.Violation> problems) {

    public static ImportRow of(long line, NewFeedback feedback, Object asSent) {
        return new ImportRow(line, feedback, asSent, List.of());
    }

    public static ImportRow rejected(long line, List<Problem.Violation> problems) {
        return new ImportRow(line, null, null, problems);
    }
}

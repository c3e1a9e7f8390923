package io.feedbackloop.ingest.service;

import java.util.List;

import io.feedbackloop.kit.problem.Problem;

/**
 * What a bulk import did.
 *
 * @param duplicates      rows imported before (same externalId, or same content without one)
 * @param errors          the first rejected rows' problems, each with its line
 * @param errorsTruncated more problems were found than {@code errors} lists
 */
public record ImportResult(long rows, long imported, long duplicates, long rejected, List<RowError> errors,
                           boolean errorsTruncated, long durationMillis) {

    /** A problem of a row that was not imported. */
    public record RowError(long line, Problem.Violation problem) {
    }
}

package io.feedbackloop.ingest.api;

import java.util.List;

/**
 * What a bulk import did, row by row.
 *
 * @param duplicates rows already imported before (same externalId, or same content without one)
 * @param errors     the first 1000 rejected rows' problems, with the line they are on
 */
public record ImportReport(String format, long rows, long imported, long duplicates, long rejected,
                           List<RowError> errors, boolean errorsTruncated, long durationMillis) {

    /** A row that was not imported, and why. */
    public record RowError(long line, String field, String rule, String message) {
    }
}

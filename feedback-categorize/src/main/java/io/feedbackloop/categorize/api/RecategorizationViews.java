package io.feedbackloop.categorize.api;

import java.time.Instant;
import java.util.UUID;

import io.feedbackloop.categorize.model.RecategorizationReport;
import jakarta.validation.constraints.Size;

/** Requests and answers of the recategorization (replay) API. */
public final class RecategorizationViews {

    private RecategorizationViews() {
    }

    /**
     * @param dryRun whether to only report what would change (nothing stored, nothing published)
     * @param from   only feedback responded at or after this instant
     * @param to     only feedback responded before this instant
     */
    public record Request(boolean dryRun, Instant from, Instant to, @Size(max = 100) String requestedBy) {
    }

    public record Job(UUID id, String status, boolean dryRun, Instant from, Instant to, Integer knowledgeVersion,
                      Integer modelVersion, Instant requestedAt, String requestedBy, Instant finishedAt, int total,
                      int processed, int changed, RecategorizationReport report) {
    }
}

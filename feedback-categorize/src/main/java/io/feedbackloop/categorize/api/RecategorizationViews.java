package io.feedbackloop.categorize.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Size;

/** Requests and answers of the recategorization (replay) API. */
public final class RecategorizationViews {

    private RecategorizationViews() {
    }

    /**
     * @param dryRun whether to only report what would change (nothing stored, nothing published)
     * @param from   only feedback responded at or after this instant
     * @param to     only feedback responded before this instant
     * @param requestedBy ignored (kept so that older clients' bodies stay valid): the signed-in person is recorded
     */
    public record Request(boolean dryRun, Instant from, Instant to, @Size(max = 100) String requestedBy) {
    }

    public record Job(UUID id, String status, boolean dryRun, Instant from, Instant to, Integer knowledgeVersion,
                      Integer modelVersion, Instant requestedAt, String requestedBy, Instant finishedAt, int total,
                      int processed, int changed, Report report) {
    }

    /**
     * What a recategorization changed.
     *
     * @param changedFields field → how many feedback changed it
     * @param themesAdded   theme → how many feedback gained it
     * @param themesRemoved theme → how many feedback lost it
     * @param examples      the first changes, field by field
     * @param error         why the job failed, if it did
     */
    public record Report(Map<String, Integer> changedFields, Map<String, Integer> themesAdded,
                         Map<String, Integer> themesRemoved, List<Example> examples, String error) {
    }

    public record Example(UUID feedbackId, Map<String, FromTo> changes) {
    }

    /** A field's value before and after: a label, or a list of themes or urgency flags. */
    public record FromTo(Object from, Object to) {
    }
}

package io.feedbackloop.categorize.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/** What a recategorization changed: counts per field and per theme, and the first changes in full. */
public class RecategorizationReport {

    public static final int EXAMPLES = 20;

    /** field → how many feedback changed it. */
    public Map<String, Integer> changedFields = new TreeMap<>();
    /** theme → how many feedback gained it. */
    public Map<String, Integer> themesAdded = new TreeMap<>();
    /** theme → how many feedback lost it. */
    public Map<String, Integer> themesRemoved = new TreeMap<>();
    /** the first changes, field by field. */
    public List<Example> examples = new ArrayList<>();
    /** why the job failed, if it did. */
    public String error;

    public record Example(UUID feedbackId, Map<String, FromTo> changes) {
    }

    /*
     * By value, because Hibernate decides whether a job must be written by comparing its report
     * with a copy taken when it was loaded: by identity, every transaction that only read a job
     * (a poll of its progress) wrote back the counters it had read, over a batch committed meanwhile.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof RecategorizationReport that && changedFields.equals(that.changedFields)
                && themesAdded.equals(that.themesAdded) && themesRemoved.equals(that.themesRemoved)
                && examples.equals(that.examples) && Objects.equals(error, that.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(changedFields, themesAdded, themesRemoved, examples, error);
    }

    public record FromTo(Object from, Object to) {
    }
}

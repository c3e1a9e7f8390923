package io.feedbackloop.categorize.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    public record FromTo(Object from, Object to) {
    }
}

package io.feedbackloop.action.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The orders a case list comes in; each pages by keyset on its own sort key, ties broken by the id.
 * On the wire as the lower-case name.
 */
public enum CaseSort {

    /** The most urgent deadline still to be met first; closed cases (none) last. The default. */
    DUE,
    /** The newest opened first. */
    OPENED,
    /** Critical, high, normal, low; within a priority as {@link #DUE}. */
    PRIORITY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sort with this label, or null for null and unknown labels. */
    public static CaseSort of(String label) {
        return label == null ? null : Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst()
                .orElse(null);
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(CaseSort::label).toList();
    }
}

package io.feedbackloop.action.sla;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How soon a case needs a person, lowest first; stored and published as the lower-case name. */
public enum CasePriority {
    LOW, NORMAL, HIGH, CRITICAL;

    public static final String PATTERN = "low|normal|high|critical";

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The priority with this label, or null for null and unknown labels. */
    public static CasePriority of(String label) {
        return label == null ? null : Arrays.stream(values()).filter(p -> p.label().equals(label)).findFirst()
                .orElse(null);
    }

    /**
     * A case is never opened below normal: whoever gave the feedback is waiting for an answer, even
     * when the categorizer found it unremarkable.
     */
    public static CasePriority atLeastNormal(String categorizedPriority) {
        CasePriority p = of(categorizedPriority);
        return p == null || p.compareTo(NORMAL) < 0 ? NORMAL : p;
    }

    /** One step up; critical stays critical. */
    public CasePriority raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(CasePriority::label).toList();
    }
}

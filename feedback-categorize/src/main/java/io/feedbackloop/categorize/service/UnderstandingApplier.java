package io.feedbackloop.categorize.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.feedbackloop.categorize.model.AssignedTheme;
import io.feedbackloop.categorize.model.Categorization;
import io.feedbackloop.categorize.model.CategorizationChange;
import io.feedbackloop.categorize.model.RecategorizationReport;
import io.feedbackloop.categorize.text.TextCategorizer;
import io.feedbackloop.categorize.text.Understanding;

/**
 * Writes what the categorizer understood into a stored categorization, leaving alone every field
 * a person corrected: a replay or a late comment never undoes a correction.
 */
final class UnderstandingApplier {

    /** The fields that changed, their values before, and each change from → to. */
    record Applied(List<String> changedFields, CategorizationChange.Previous previous,
                   Map<String, RecategorizationReport.FromTo> changes) {
        boolean changed() {
            return !changedFields.isEmpty();
        }
    }

    private UnderstandingApplier() {
    }

    static Applied apply(Categorization c, Understanding u, TextCategorizer categorizer) {
        CategorizationChange.Previous previous = previous(c);
        Map<String, RecategorizationReport.FromTo> changes = new LinkedHashMap<>();
        set(changes, "language", c.language, u.language(), v -> c.language = v);
        if (!c.isCorrected("sentiment")) {
            set(changes, "sentiment", c.sentiment, u.sentiment().label(), v -> c.sentiment = v);
            c.sentimentScore = u.sentiment().score();
            c.sentimentConfidence = u.sentiment().confidence();
        }
        if (!c.isCorrected("type")) {
            set(changes, "type", c.type, u.type().label(), v -> c.type = v);
            c.typeConfidence = u.type().confidence();
        }
        if (!c.isCorrected("themes")) {
            List<String> before = c.themes.stream().map(t -> t.theme).toList();
            if (!new LinkedHashSet<>(before).equals(new LinkedHashSet<>(u.themeIds()))) {
                changes.put("themes", new RecategorizationReport.FromTo(before, u.themeIds()));
            }
            c.themes.clear();
            u.themes().forEach(t -> c.themes.add(
                    new AssignedTheme(t.theme(), t.matched().toArray(String[]::new), t.source())));
        }
        if (!c.isCorrected("urgency")) {
            List<String> before = List.of(c.urgency);
            if (!new LinkedHashSet<>(before).equals(new LinkedHashSet<>(u.urgencyFlags()))) {
                changes.put("urgency", new RecategorizationReport.FromTo(before, u.urgencyFlags()));
            }
            c.urgency = u.urgencyFlags().toArray(String[]::new);
        }
        if (!c.isCorrected("priority")) {
            String priority = c.correctedFields.length == 0 ? u.priority() : priorityOf(c);
            set(changes, "priority", c.priority, priority, v -> c.priority = v);
        }
        c.knowledgeVersion = categorizer.knowledge().version();
        c.modelVersion = categorizer.model() == null ? null : categorizer.model().version();
        return new Applied(new ArrayList<>(changes.keySet()), previous, changes);
    }

    /** Priority from the stored labels, corrected or not. */
    static String priorityOf(Categorization c) {
        List<Understanding.UrgencyMatch> urgency = new ArrayList<>();
        for (String flag : c.urgency) {
            urgency.add(new Understanding.UrgencyMatch(flag, List.of()));
        }
        return TextCategorizer.priority(c.sentiment, c.type, urgency, c.feedbackText().scores());
    }

    static CategorizationChange.Previous previous(Categorization c) {
        return new CategorizationChange.Previous(c.sentiment, c.type, c.themes.stream().map(t -> t.theme).toList(),
                List.of(c.urgency), c.priority, c.language);
    }

    private static void set(Map<String, RecategorizationReport.FromTo> changes, String field, String before,
                            String after, java.util.function.Consumer<String> setter) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new RecategorizationReport.FromTo(before, after));
        }
        setter.accept(after);
    }
}

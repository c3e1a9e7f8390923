package io.feedbackloop.action.messaging;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.feedbackloop.action.events.CategorizedFeedback;
import io.feedbackloop.action.feedback.Categorization;

/** Reads a {@code feedback.categorized.v1} or {@code feedback.recategorized.v1} body as a categorization. */
final class CategorizationMapper {

    private CategorizationMapper() {
    }

    static Categorization categorization(CategorizedFeedback event) {
        CategorizedFeedback.Customer customer = event.customer();
        return new Categorization(event.feedbackId(), event.categorizedAt(), event.respondedAt(), event.channel(),
                event.touchpoint(), event.journeyStage(),
                new Categorization.Customer(customer.id(), customer.segment(), customer.locale()),
                event.npsScore(), event.npsClass(), scoreOf(event, "csat"), scoreOf(event, "ces"), scoreClasses(event),
                event.text(), event.language(), event.sentiment() == null ? null : event.sentiment().label(),
                event.type() == null ? null : event.type().label(),
                event.themes() == null ? List.of()
                        : event.themes().stream().map(CategorizedFeedback.Theme::theme).filter(Objects::nonNull)
                                .distinct().toList(),
                event.urgency() == null ? List.of()
                        : event.urgency().stream().filter(Objects::nonNull).distinct().toList(),
                event.priority(),
                event.change() == null ? null
                        : new Categorization.Change(event.change().reason(), event.change().correctedBy()));
    }

    private static Integer scoreOf(CategorizedFeedback event, String metric) {
        return scores(event).stream().filter(s -> metric.equals(s.metric())).map(CategorizedFeedback.Score::value)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static List<String> scoreClasses(CategorizedFeedback event) {
        Set<String> classes = new LinkedHashSet<>();
        // events of an older producer carry the NPS class alone
        if (event.npsClass() != null) {
            classes.add(event.npsClass());
        }
        scores(event).stream().map(CategorizedFeedback.Score::scoreClass).filter(Objects::nonNull)
                .forEach(classes::add);
        return List.copyOf(classes);
    }

    private static List<CategorizedFeedback.Score> scores(CategorizedFeedback event) {
        return event.scores() == null ? List.of() : event.scores();
    }
}

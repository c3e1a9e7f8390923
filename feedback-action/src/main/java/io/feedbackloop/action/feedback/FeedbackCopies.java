package io.feedbackloop.action.feedback;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.feedbackloop.action.events.CategorizedFeedback;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Keeps this service's copy of each categorized feedback current. */
@ApplicationScoped
public class FeedbackCopies {

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /**
     * Applies a categorization to the feedback's copy and returns the copy, locked until the
     * transaction ends. The categorized and the recategorized topics are read concurrently, so
     * the row is created with ON CONFLICT DO NOTHING and then locked: one feedback's events are
     * applied one after the other, and an event older than the kept categorization (a
     * first categorization arriving after its correction) changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FeedbackCopy apply(CategorizedFeedback event) {
        entityManager.createNativeQuery("""
                INSERT INTO feedback_copy (feedback_id, customer_id, updated_at) VALUES (?1, ?2, ?3)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, event.feedbackId()).setParameter(2, event.customer().id())
                .setParameter(3, clock.instant()).executeUpdate();
        FeedbackCopy copy = FeedbackCopy.lockedById(event.feedbackId());
        boolean older = copy.categorizedAt != null && event.categorizedAt() != null
                && event.categorizedAt().isBefore(copy.categorizedAt);
        if (!older) {
            fill(event, copy);
            copy.updatedAt = clock.instant();
        }
        return copy;
    }

    private static void fill(CategorizedFeedback from, FeedbackCopy to) {
        to.categorizedAt = from.categorizedAt();
        to.respondedAt = from.respondedAt();
        to.channel = from.channel();
        to.touchpoint = from.touchpoint();
        to.journeyStage = from.journeyStage();
        to.customerId = from.customer().id();
        to.customerEmail = from.customer().email();
        to.customerPhone = from.customer().phone();
        to.customerName = from.customer().name();
        to.customerSegment = from.customer().segment();
        to.customerLocale = from.customer().locale();
        to.npsScore = from.npsScore();
        to.npsClass = from.npsClass();
        to.csatScore = scoreOf(from, "csat");
        to.cesScore = scoreOf(from, "ces");
        to.scoreClasses = scoreClasses(from);
        to.text = from.text();
        to.language = from.language();
        to.sentiment = from.sentiment() == null ? null : from.sentiment().label();
        to.feedbackType = from.type() == null ? null : from.type().label();
        to.themes = from.themes() == null ? new String[0]
                : from.themes().stream().map(CategorizedFeedback.Theme::theme).filter(Objects::nonNull).distinct()
                        .toArray(String[]::new);
        to.urgency = from.urgency() == null ? new String[0]
                : from.urgency().stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        to.priority = from.priority();
    }

    private static Integer scoreOf(CategorizedFeedback feedback, String metric) {
        return scores(feedback).stream().filter(s -> metric.equals(s.metric())).map(CategorizedFeedback.Score::value)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String[] scoreClasses(CategorizedFeedback feedback) {
        Set<String> classes = new LinkedHashSet<>();
        // events of an older producer carry the NPS class alone
        if (feedback.npsClass() != null) {
            classes.add(feedback.npsClass());
        }
        scores(feedback).stream().map(CategorizedFeedback.Score::scoreClass).filter(Objects::nonNull)
                .forEach(classes::add);
        return classes.toArray(String[]::new);
    }

    private static List<CategorizedFeedback.Score> scores(CategorizedFeedback feedback) {
        return feedback.scores() == null ? List.of() : feedback.scores();
    }
}

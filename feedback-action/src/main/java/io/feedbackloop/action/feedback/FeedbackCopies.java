package io.feedbackloop.action.feedback;

import java.time.Clock;
import java.util.Optional;

import io.feedbackloop.action.privacy.ErasureGuard;
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

    @Inject
    ErasureGuard erasures;

    /**
     * Applies a categorization to the feedback's copy and returns the copy, locked until the
     * transaction ends. The categorized and the recategorized topics are read concurrently, so
     * the row is created with ON CONFLICT DO NOTHING and then locked: one feedback's events are
     * applied one after the other, and an event older than the kept categorization (a
     * first categorization arriving after its correction) changes nothing.
     *
     * @return empty when the customer was erased: a categorization that arrives after the customer's
     *         erasure (another topic, so in no order with it) stores nothing, so nothing opens or
     *         relabels a case or announces anything with it either
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FeedbackCopy> apply(Categorization categorization) {
        if (erasures.isErased(categorization.customer().id())) {
            return Optional.empty();
        }
        entityManager.createNativeQuery("""
                INSERT INTO feedback_copy (feedback_id, customer_id, updated_at) VALUES (?1, ?2, ?3)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, categorization.feedbackId()).setParameter(2, categorization.customer().id())
                .setParameter(3, clock.instant()).executeUpdate();
        FeedbackCopy copy = FeedbackCopy.lockedById(categorization.feedbackId());
        if (copy.customerErasedAt != null) {
            // erased before this service kept a ledger: the pseudonym stays
            return Optional.empty();
        }
        boolean older = copy.categorizedAt != null && categorization.categorizedAt() != null
                && categorization.categorizedAt().isBefore(copy.categorizedAt);
        if (!older) {
            fill(categorization, copy);
            copy.updatedAt = clock.instant();
        }
        return Optional.of(copy);
    }

    private static void fill(Categorization from, FeedbackCopy to) {
        to.categorizedAt = from.categorizedAt();
        to.respondedAt = from.respondedAt();
        to.channel = from.channel();
        to.touchpoint = from.touchpoint();
        to.journeyStage = from.journeyStage();
        to.customerId = from.customer().id();
        to.customerSegment = from.customer().segment();
        to.customerLocale = from.customer().locale();
        to.npsScore = from.npsScore();
        to.npsClass = from.npsClass();
        to.csatScore = from.csatScore();
        to.cesScore = from.cesScore();
        to.scoreClasses = from.scoreClasses().toArray(String[]::new);
        to.text = from.text();
        to.language = from.language();
        to.sentiment = from.sentiment();
        to.feedbackType = from.feedbackType();
        to.themes = from.themes().toArray(String[]::new);
        to.urgency = from.urgency().toArray(String[]::new);
        to.priority = from.priority();
    }
}

package io.feedbackloop.action.improvements;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.action.config.ImprovementConfig;
import io.feedbackloop.kit.messaging.PollingWorker;
import io.feedbackloop.kit.messaging.PollingWorkers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

/**
 * Tells the customers linked to published improvement actions what was done, in stages: at most
 * {@code firstBatchSize} customers per action until a lead releases it, then the rest, one batch
 * per action and tick, so that a bad message hurts few and a large fan-out does not flood the
 * notifier.
 *
 * <p>Exactly once per link: a link's {@code announced_at} is set in the transaction that writes
 * its {@code improvement.announced.v1} event to the outbox. Several replicas share the work: each
 * batch locks its action row ({@code FOR NO KEY UPDATE SKIP LOCKED}, so the first-batch limit is
 * counted against committed announcements only, and linking, whose foreign-key check only shares
 * the row, is never blocked) and its links ({@code FOR UPDATE SKIP LOCKED}); a replica that finds
 * them locked moves on.
 *
 * <p>An erased customer is not told: their erasure drops their links not yet announced (waiting
 * for a batch that holds them), and a copy marked erased is never announced.
 */
@ApplicationScoped
public class ImprovementFanOut {

    private static final Logger LOG = Logger.getLogger(ImprovementFanOut.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ImprovementAnnouncements announcements;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry registry;

    @Inject
    ImprovementConfig config;

    @Inject
    PollingWorkers workers;

    private PollingWorker worker;

    void start(@Observes StartupEvent startup) {
        worker = workers.start(PollingWorkers.Schedule.of("improvement-fan-out", config.fanOut().interval())
                .enabledIf(config.fanOut().enabled()), this::tick);
    }

    /** An action was published or released, or links were added to it: start its next batch once committed. */
    void wakeUpAfterCommit() {
        if (worker != null) {
            worker.wakeUpAfterCommit(transactions);
        }
    }

    /**
     * One batch for every action with customers waiting (and allowed to be told at this stage): the
     * round each replica's worker runs every interval. Safe to run concurrently.
     *
     * @return false: the next batch waits for the next tick, whatever is left
     */
    public boolean tick() {
        for (UUID actionId : QuarkusTransaction.requiringNew().call(this::actionsWithWork)) {
            int announced = QuarkusTransaction.requiringNew().call(() -> announceBatch(actionId));
            if (announced > 0) {
                LOG.debugf("improvement action %s: %d customers told", actionId, announced);
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> actionsWithWork() {
        return entityManager.createNativeQuery("""
                        SELECT a.id FROM improvement_action a
                        WHERE a.status = 'published'
                          AND EXISTS (SELECT 1 FROM improvement_link l
                                      WHERE l.action_id = a.id AND l.announced_at IS NULL)
                          AND (a.released_at IS NOT NULL
                               OR (SELECT count(*) FROM improvement_link l
                                   WHERE l.action_id = a.id AND l.announced_at IS NOT NULL) < a.first_batch_size)
                        ORDER BY a.published_at, a.id""", UUID.class)
                .getResultList();
    }

    /** @return how many customers of the action were told (0 if another replica holds it) */
    int announceBatch(UUID actionId) {
        @SuppressWarnings("unchecked")
        List<ImprovementAction> locked = entityManager.createNativeQuery("""
                        SELECT * FROM improvement_action WHERE id = ?1 AND status = 'published'
                        FOR NO KEY UPDATE SKIP LOCKED""", ImprovementAction.class)
                .setParameter(1, actionId).getResultList();
        if (locked.isEmpty()) {
            return 0;
        }
        ImprovementAction action = locked.get(0);
        int batchSize = config.fanOut().batchSize();
        int allowance = batchSize;
        if (action.releasedAt == null) {
            long announced = ((Number) entityManager.createNativeQuery(
                            "SELECT count(*) FROM improvement_link WHERE action_id = ?1 AND announced_at IS NOT NULL")
                    .setParameter(1, actionId).getSingleResult()).longValue();
            allowance = (int) Math.min(batchSize, Math.max(0, action.firstBatchSize - announced));
        }
        if (allowance == 0) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> due = entityManager.createNativeQuery("""
                        SELECT l.feedback_id, f.customer_id, f.customer_locale, f.language, f.text, f.responded_at
                        FROM improvement_link l JOIN feedback_copy f ON f.feedback_id = l.feedback_id
                        WHERE l.action_id = ?1 AND l.announced_at IS NULL AND f.customer_erased_at IS NULL
                        ORDER BY l.linked_at, l.feedback_id
                        LIMIT ?2
                        FOR UPDATE OF l SKIP LOCKED""")
                .setParameter(1, actionId).setParameter(2, allowance).getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<String> feedbackIds = new ArrayList<>(due.size());
        for (Object[] row : due) {
            ImprovementAnnouncements.Recipient recipient = new ImprovementAnnouncements.Recipient((UUID) row[0],
                    (String) row[1], (String) row[2], (String) row[3], (String) row[4], instant(row[5]));
            String language = AnnouncementLanguage.choose(action.message, recipient.locale(), recipient.language());
            announcements.announce(action, recipient, language, now);
            feedbackIds.add(recipient.feedbackId().toString());
        }
        entityManager.createNativeQuery("""
                        UPDATE improvement_link SET announced_at = ?1
                        WHERE action_id = ?2 AND feedback_id = ANY(string_to_array(?3, ',')::uuid[])""")
                .setParameter(1, now).setParameter(2, actionId).setParameter(3, String.join(",", feedbackIds))
                .executeUpdate();
        registry.counter("improvements.announced", "stage", action.releasedAt == null ? "first-batch" : "released")
                .increment(due.size());
        return due.size();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}

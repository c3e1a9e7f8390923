package io.feedbackloop.kit.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The {@code outbox_event} table as the relay sees it; every method runs in the caller's transaction. */
@ApplicationScoped
class OutboxTable {

    /** Arbitrary constant naming "the outbox relay" among advisory locks of this database. */
    private static final long RELAY_LOCK = 0x0B0C5E1AL;

    @Inject
    EntityManager entityManager;

    /** @return false while another replica holds the relay lock (until its transaction ends) */
    boolean lockForRelay() {
        Boolean locked = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    /** The oldest unsent events, in the order they were written. */
    List<OutboxEvent> unsent(int limit) {
        return entityManager.createQuery("FROM OutboxEvent WHERE sentAt IS NULL ORDER BY sequence", OutboxEvent.class)
                .setMaxResults(limit).getResultList();
    }

    void markSent(List<Long> sequences, Instant at) {
        entityManager.createQuery("UPDATE OutboxEvent SET sentAt = :now WHERE sequence IN :sequences")
                .setParameter("now", at).setParameter("sequences", sequences).executeUpdate();
    }

    long countUnsent() {
        return OutboxEvent.count("sentAt IS NULL");
    }

    void deleteSentBefore(Instant cutoff) {
        OutboxEvent.delete("sentAt < ?1", cutoff);
    }
}

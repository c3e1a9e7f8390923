package io.feedbackloop.kit.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The {@code processed_event} table: which consumer already applied which event. */
@ApplicationScoped
class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /** @return true if this is the first time, false if {@code consumer} already processed the event */
    boolean markProcessed(String eventId, String consumer, Instant at) {
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO processed_event (event_id, consumer, processed_at) VALUES (?1, ?2, ?3)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, eventId).setParameter(2, consumer).setParameter(3, at).executeUpdate();
        return inserted == 1;
    }

    void forgetProcessedBefore(Instant cutoff) {
        entityManager.createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }
}

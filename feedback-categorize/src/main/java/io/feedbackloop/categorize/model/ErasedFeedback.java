package io.feedbackloop.categorize.model;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A feedback that arrived after its customer was erased, and was therefore not stored: only its id
 * is kept, so that its comment, arriving later on a topic of its own, is dropped too.
 */
@Entity
@Table(name = "erased_feedback")
public class ErasedFeedback extends PanacheEntityBase {

    @Id
    @Column(name = "feedback_id")
    public UUID feedbackId;

    @Column(name = "noted_at", nullable = false)
    public Instant notedAt;

    public static boolean contains(UUID feedbackId) {
        return findById(feedbackId) != null;
    }

    /** Notes the feedback once; the caller holds the feedback's lock, so no one notes it at the same time. */
    public static void note(UUID feedbackId, Instant at) {
        if (!contains(feedbackId)) {
            ErasedFeedback erased = new ErasedFeedback();
            erased.feedbackId = feedbackId;
            erased.notedAt = at;
            erased.persist();
        }
    }
}

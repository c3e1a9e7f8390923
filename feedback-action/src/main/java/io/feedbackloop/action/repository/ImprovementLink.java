package io.feedbackloop.action.repository;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One feedback an improvement action answers. The primary key (action, feedback) makes linking
 * idempotent; {@code announcedAt} is set in the transaction that writes the customer's
 * {@code improvement.announced.v1} event, so each link is announced exactly once.
 */
@Entity
@Table(name = "improvement_link")
@IdClass(ImprovementLink.Key.class)
public class ImprovementLink extends PanacheEntityBase {

    @Id
    @Column(name = "action_id")
    public UUID actionId;

    @Id
    @Column(name = "feedback_id")
    public UUID feedbackId;

    @Column(name = "linked_by", nullable = false)
    public String linkedBy;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    /** When the customer's event was written to the outbox; null: not yet. */
    @Column(name = "announced_at")
    public Instant announcedAt;

    public static final class Key implements Serializable {

        public UUID actionId;
        public UUID feedbackId;

        public Key() {
        }

        public Key(UUID actionId, UUID feedbackId) {
            this.actionId = actionId;
            this.feedbackId = feedbackId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(actionId, key.actionId)
                    && Objects.equals(feedbackId, key.feedbackId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(actionId, feedbackId);
        }
    }
}

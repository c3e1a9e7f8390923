package io.feedbackloop.ingest.repository;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One score of a response, stored with the scale it was given on. */
@Entity
@Table(name = "feedback_score")
@IdClass(FeedbackScore.Key.class)
public class FeedbackScore extends PanacheEntityBase {

    @Id
    @Column(name = "feedback_id")
    public UUID feedbackId;

    @Id
    public String metric;

    @Column(nullable = false)
    public int value;

    @Column(name = "scale_min", nullable = false)
    public int scaleMin;

    @Column(name = "scale_max", nullable = false)
    public int scaleMax;

    public static class Key implements Serializable {
        public UUID feedbackId;
        public String metric;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(feedbackId, k.feedbackId) && Objects.equals(metric, k.metric);
        }

        @Override
        public int hashCode() {
            return Objects.hash(feedbackId, metric);
        }
    }
}

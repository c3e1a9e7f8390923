package io.feedbackloop.ingest.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.ingest.model.LoopStage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One step of a feedback's way through the loop, recorded from the event that reported it. */
@Entity
@Table(name = "loop_step")
public class LoopStep extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "loop_step_id", sequenceName = "loop_step_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "loop_step_id")
    public Long id;

    @Column(name = "feedback_id", nullable = false)
    public UUID feedbackId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LoopStage stage;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public String detail;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    public static List<LoopStep> of(UUID feedbackId) {
        return list("feedbackId", Sort.by("occurredAt").and("id"), feedbackId);
    }
}

package io.feedbackloop.categorize.model;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A run of the current knowledge and model over stored feedback; its progress commits with each batch. */
@Entity
@Table(name = "recategorization_job")
public class RecategorizationJob extends PanacheEntityBase {

    @Id
    public UUID id;

    /** running, completed or failed. */
    @Column(nullable = false)
    public String status;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Column(name = "responded_from")
    public Instant respondedFrom;

    @Column(name = "responded_to")
    public Instant respondedTo;

    @Column(name = "knowledge_version")
    public Integer knowledgeVersion;

    @Column(name = "model_version")
    public Integer modelVersion;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "last_feedback_id")
    public UUID lastFeedbackId;

    public int total;

    public int processed;

    public int changed;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public RecategorizationReport report = new RecategorizationReport();
}

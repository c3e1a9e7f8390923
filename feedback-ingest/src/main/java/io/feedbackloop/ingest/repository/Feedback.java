package io.feedbackloop.ingest.repository;

import java.time.Instant;
import java.util.UUID;

import io.feedbackloop.ingest.model.LoopStage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_phone")
    public String customerPhone;

    @Column(name = "customer_segment")
    public String customerSegment;

    @Column(name = "customer_name")
    public String customerName;

    @Column(name = "customer_locale")
    public String customerLocale;

    @Column(nullable = false)
    public String channel;

    @Column(name = "nps_score")
    public Integer npsScore;

    @Column(columnDefinition = "text")
    public String text;

    public String language;

    public String touchpoint;

    @Column(name = "journey_stage")
    public String journeyStage;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "invitation_id")
    public UUID invitationId;

    @Column(name = "responded_at")
    public Instant respondedAt;

    @Column(name = "commented_at")
    public Instant commentedAt;

    /** Free-form metadata from the channel, as JSON. */
    @Column(columnDefinition = "text")
    public String metadata;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "loop_stage", nullable = false)
    public LoopStage loopStage;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Optimistic lock: a late comment and a loop-progress event may change the same row at once;
     * the second writer retries on the fresh row instead of overwriting the first one's change.
     */
    @Version
    public long version;
}

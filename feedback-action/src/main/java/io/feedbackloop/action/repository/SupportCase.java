package io.feedbackloop.action.repository;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "support_case")
public class SupportCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "feedback_id", nullable = false, unique = true)
    public UUID feedbackId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String priority;

    @Column(nullable = false)
    public String reason;

    @Column(name = "owner_team", nullable = false)
    public String ownerTeam;

    public String channel;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_name")
    public String customerName;

    @Column(name = "customer_locale")
    public String customerLocale;

    @Column(name = "nps_score")
    public Integer npsScore;

    @Column(columnDefinition = "text")
    public String text;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "first_response_due_at", nullable = false)
    public Instant firstResponseDueAt;

    @Column(name = "first_response_at")
    public Instant firstResponseAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static SupportCase forFeedback(UUID feedbackId) {
        return find("feedbackId", feedbackId).firstResult();
    }
}

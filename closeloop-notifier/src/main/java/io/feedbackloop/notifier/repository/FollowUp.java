package io.feedbackloop.notifier.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message owed to a customer and what became of it. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    public static final String QUEUED = "queued";
    /** Handed to the provider; {@code nextAttemptAt} is the lease after which it is tried again. */
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    /** Not sent on purpose (e.g. no address on the channel); the reason is in {@code lastError}. */
    public static final String SUPPRESSED = "suppressed";

    @Id
    public UUID id;

    @Column(name = "feedback_id", nullable = false)
    public UUID feedbackId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String channel;

    public String recipient;

    @Column(name = "customer_name")
    public String customerName;

    @Column(nullable = false)
    public String locale;

    @Column(columnDefinition = "text")
    public String quote;

    @Column(name = "owner_team")
    public String ownerTeam;

    @Column(name = "respond_by")
    public Instant respondBy;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    public static boolean exists(UUID feedbackId, String kind) {
        return count("feedbackId = ?1 and kind = ?2", feedbackId, kind) > 0;
    }

    public static List<FollowUp> forFeedback(UUID feedbackId) {
        return list("feedbackId", Sort.by("createdAt"), feedbackId);
    }
}

package io.feedbackloop.notifier.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A message owed to a customer (or, on the webhook channel, to a business system) and what became of it. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    public static final String QUEUED = "queued";
    /** Handed to the provider; {@code nextAttemptAt} is the lease after which it is tried again. */
    public static final String SENDING = "sending";
    /** The provider accepted it. */
    public static final String SENT = "sent";
    /** The provider reported it reached the customer (SMS delivery receipt). */
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    /** Not sent on purpose (opt-out, contact cap, no address on the channel); the reason is in {@code statusReason}. */
    public static final String SUPPRESSED = "suppressed";
    /** Namespace of the per-customer advisory lock taken while deciding on the contact cap. */
    static final int CAP_LOCK = 3_000_001;

    @Id
    public UUID id;

    /** One message per trigger: the same key arriving again queues nothing. */
    @Column(name = "idempotency_key", nullable = false, unique = true)
    public String idempotencyKey;

    /** Null for messages that answer no feedback (survey invitations). */
    @Column(name = "feedback_id")
    public UUID feedbackId;

    @Column(name = "case_id")
    public UUID caseId;

    /** The invitation, improvement action or case comment the message is about. */
    @Column(name = "reference_id")
    public UUID referenceId;

    @Column(name = "trigger_event")
    public String triggerEvent;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String channel;

    @Column(name = "customer_id")
    public String customerId;

    /** Email address, or the webhook's URL on that channel. */
    public String recipient;

    public String phone;

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

    /** Kind-specific template data: the reply, the resolution, the improvement, the survey link. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> details = Map.of();

    @Column(nullable = false)
    public String status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    public String subject;

    @Column(columnDefinition = "text")
    public String body;

    /** The trace of the triggering event, continued when the message is sent. */
    @Column(name = "trace_parent")
    public String traceParent;

    /** When the customer was erased: the row keeps the record of what was sent, nothing about them. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    public boolean isCustomerFacing() {
        return !"webhook".equals(channel);
    }

    public static FollowUp byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResult();
    }

    public static List<FollowUp> forFeedback(UUID feedbackId) {
        return list("feedbackId", Sort.by("createdAt").and("id"), feedbackId);
    }

    /** Every message about the case (oldest first); with a feedback too, those about both. */
    public static List<FollowUp> forCase(UUID caseId, UUID feedbackId) {
        return feedbackId == null ? list("caseId", Sort.by("createdAt").and("id"), caseId)
                : list("caseId = ?1 and feedbackId = ?2", Sort.by("createdAt").and("id"), caseId, feedbackId);
    }

    /** Messages the customer got since then, counting those being sent right now by another worker. */
    public static long receivedBy(String customerId, Instant since, UUID except) {
        return count("customerId = ?1 and (sentAt >= ?2 or status = ?3) and channel <> 'webhook' and id <> ?4",
                customerId, since, SENDING, except);
    }

    /**
     * Every address we were given for the customer on a customer channel (email or sms), on any of
     * their messages: the webhook copies carry the customer's phone too, but their recipient is the URL.
     */
    public static List<String> addressesOf(String customerId, String channel) {
        String query = "sms".equals(channel)
                ? "select distinct f.phone from FollowUp f where f.customerId = ?1 and f.phone is not null"
                : "select distinct f.recipient from FollowUp f where f.customerId = ?1 and f.recipient is not null"
                        + " and f.channel <> 'webhook'";
        return getEntityManager().createQuery(query, String.class).setParameter(1, customerId).getResultList();
    }

    /** Until this transaction ends, no other worker decides on a message to this customer. */
    public static void lockCustomerForCap(String customerId) {
        // two-key advisory lock: its own namespace (CAP_LOCK), apart from the outbox relay's one-key lock
        getEntityManager().createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, CAP_LOCK).setParameter(2, customerId).getSingleResult();
    }
}

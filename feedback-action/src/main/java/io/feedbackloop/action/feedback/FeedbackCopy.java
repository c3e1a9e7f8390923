package io.feedbackloop.action.feedback;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A categorized feedback as this service keeps it (this service never reads feedback-categorize's
 * tables): what case rules, routing and improvement actions look at. No contact data: the customer
 * is their reference, segment and language. Written from
 * {@code feedback.categorized.v1} and kept current by {@code feedback.recategorized.v1}.
 */
@Entity
@Table(name = "feedback_copy")
public class FeedbackCopy extends PanacheEntityBase {

    @Id
    @Column(name = "feedback_id")
    public UUID feedbackId;

    @Column(name = "responded_at")
    public Instant respondedAt;

    /** When the categorization kept here was made: an older event never overwrites a newer one. */
    @Column(name = "categorized_at")
    public Instant categorizedAt;

    public String channel;

    public String touchpoint;

    @Column(name = "journey_stage")
    public String journeyStage;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "customer_segment")
    public String customerSegment;

    @Column(name = "customer_locale")
    public String customerLocale;

    @Column(name = "nps_score")
    public Integer npsScore;

    @Column(name = "nps_class")
    public String npsClass;

    @Column(name = "csat_score")
    public Integer csatScore;

    @Column(name = "ces_score")
    public Integer cesScore;

    /** promoter, passive, detractor, good, neutral, bad, agree, disagree: one per score given. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "score_classes", columnDefinition = "varchar(20)[]", nullable = false)
    public String[] scoreClasses = new String[0];

    @Column(columnDefinition = "text")
    public String text;

    public String language;

    public String sentiment;

    @Column(name = "feedback_type")
    public String feedbackType;

    /** Taxonomy paths such as {@code delivery/late}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(100)[]", nullable = false)
    public String[] themes = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(20)[]", nullable = false)
    public String[] urgency = new String[0];

    /** The categorizer's priority: low, normal, high, critical. */
    public String priority;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * When the customer was erased from this copy (its customer id is then their pseudonym): an
     * erased copy still counts in the numbers but is never linked to an improvement action, nor
     * filled again.
     */
    @Column(name = "customer_erased_at")
    public Instant customerErasedAt;

    /** The copy, locked until the transaction ends: one feedback's events are applied one at a time. */
    public static FeedbackCopy lockedById(UUID feedbackId) {
        return findById(feedbackId, LockModeType.PESSIMISTIC_WRITE);
    }
}

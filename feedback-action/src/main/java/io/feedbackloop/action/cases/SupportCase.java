package io.feedbackloop.action.cases;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** The case rule that opened it. */
    @Column(name = "rule_id")
    public UUID ruleId;

    @Column(name = "rule_name")
    public String ruleName;

    /** The routing rule that chose the owner team (null: the fallback team). */
    @Column(name = "routing_rule")
    public String routingRule;

    /** The person working it, if assigned. */
    public String assignee;

    @Column(name = "customer_segment")
    public String customerSegment;

    public String touchpoint;

    public String sentiment;

    @Column(name = "feedback_type")
    public String feedbackType;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(100)[]", nullable = false)
    public String[] themes = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(20)[]", nullable = false)
    public String[] urgency = new String[0];

    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "resolution_code")
    public String resolutionCode;

    @Column(name = "root_cause")
    public String rootCause;

    /** What the customer is told the resolution is. */
    @Column(name = "resolution_text", columnDefinition = "text")
    public String resolutionText;

    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;

    /** Set when the first-response breach was escalated: each breach is escalated once. */
    @Column(name = "first_response_escalated_at")
    public Instant firstResponseEscalatedAt;

    @Column(name = "resolution_escalated_at")
    public Instant resolutionEscalatedAt;

    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public static SupportCase forFeedback(UUID feedbackId) {
        return find("feedbackId", feedbackId).firstResult();
    }
}

package io.feedbackloop.action.improvements;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * "You said, we did": a change a team made (for a theme), and what the customers whose feedback
 * it answers are told. Its links say who; the fan-out tells them in stages.
 */
@Entity
@Table(name = "improvement_action")
public class ImprovementAction extends PanacheEntityBase {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    /** Taxonomy path the change is about (e.g. {@code website/checkout}); optional. */
    public String theme;

    @Column(nullable = false)
    public String title;

    /** What customers are told, by language ({@code en}, {@code ru}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> message;

    /** draft or published. */
    @Column(nullable = false)
    public String status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** How many customers hear first; the rest only once a lead released the action. */
    @Column(name = "first_batch_size", nullable = false)
    public int firstBatchSize;

    /** When a lead, having checked the first messages, let the rest go out. */
    @Column(name = "released_at")
    public Instant releasedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public boolean isPublished() {
        return PUBLISHED.equals(status);
    }

    /**
     * draft; first-batch (published: at most {@code firstBatchSize} customers are told until a lead
     * releases it); released (everyone linked is told).
     */
    public String stage() {
        return !isPublished() ? "draft" : releasedAt == null ? "first-batch" : "released";
    }
}

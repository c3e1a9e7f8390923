package io.feedbackloop.categorize.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person's correction of a categorization, kept as history and as a training example. */
@Entity
@Table(name = "categorization_correction")
public class CorrectionRecord extends PanacheEntityBase {

    /** The human-controlled part of a categorization, before or after a correction. */
    public record Labels(String sentiment, String type, List<String> themes, List<String> urgency, String priority) {
    }

    @Id
    public UUID id;

    @Column(name = "feedback_id", nullable = false)
    public UUID feedbackId;

    @Column(name = "corrected_at", nullable = false)
    public Instant correctedAt;

    @Column(name = "corrected_by", nullable = false)
    public String correctedBy;

    public String note;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Labels before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Labels after;

    public static List<CorrectionRecord> history(UUID feedbackId) {
        return list("feedbackId = ?1 order by correctedAt", feedbackId);
    }
}

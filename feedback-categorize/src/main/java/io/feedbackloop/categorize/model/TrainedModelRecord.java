package io.feedbackloop.categorize.model;

import java.time.Instant;

import io.feedbackloop.categorize.text.Evaluation;
import io.feedbackloop.categorize.text.LearnedModel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A model trained on corrections, with how it did in cross-validation; the highest version is in force. */
@Entity
@Table(name = "trained_model")
public class TrainedModelRecord extends PanacheEntityBase {

    @Id
    public Integer version;

    @Column(name = "trained_at", nullable = false)
    public Instant trainedAt;

    @Column(nullable = false)
    public int examples;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public LearnedModel.State parameters;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Evaluation.Comparison evaluation;

    public static TrainedModelRecord latest() {
        return find("order by version desc").firstResult();
    }

    public static Integer latestVersion() {
        return getEntityManager().createQuery("select max(m.version) from TrainedModelRecord m", Integer.class)
                .getSingleResult();
    }
}

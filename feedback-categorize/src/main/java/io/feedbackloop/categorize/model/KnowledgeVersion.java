package io.feedbackloop.categorize.model;

import java.time.Instant;

import io.feedbackloop.categorize.text.KnowledgeDocument;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One immutable version of the taxonomy and lexicons; the highest version is in force. */
@Entity
@Table(name = "knowledge_version")
public class KnowledgeVersion extends PanacheEntityBase {

    @Id
    public Integer version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public KnowledgeDocument document;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public String comment;

    public static KnowledgeVersion latest() {
        return find("order by version desc").firstResult();
    }

    public static Integer latestVersion() {
        return getEntityManager().createQuery("select max(k.version) from KnowledgeVersion k", Integer.class)
                .getSingleResult();
    }
}

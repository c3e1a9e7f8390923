package io.feedbackloop.action.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Something written on a case: an internal note for colleagues, or a reply to the customer (which
 * the notifier sends). Never edited: a correction is a new comment.
 */
@Entity
@Table(name = "case_comment")
public class CaseComment extends PanacheEntityBase {

    public static final String INTERNAL = "internal";
    public static final String CUSTOMER = "customer";

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** The member's email, or "admin". */
    @Column(nullable = false)
    public String author;

    /** internal or customer. */
    @Column(nullable = false)
    public String visibility;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<CaseComment> of(UUID caseId) {
        return list("caseId = ?1 order by createdAt, id", caseId);
    }
}

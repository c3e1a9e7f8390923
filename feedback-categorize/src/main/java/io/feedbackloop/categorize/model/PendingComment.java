package io.feedbackloop.categorize.model;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A late comment whose feedback has not arrived yet (the two come on different topics). */
@Entity
@Table(name = "pending_comment")
public class PendingComment extends PanacheEntityBase {

    @Id
    @Column(name = "feedback_id")
    public UUID feedbackId;

    @Column(name = "commented_at", nullable = false)
    public Instant commentedAt;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    public String language;
}

package io.feedbackloop.ingest.repository;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's request to be forgotten; {@code customerRef} is the pseudonym, never the id. */
@Entity
@Table(name = "customer_erasure")
public class CustomerErasureRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_ref", nullable = false)
    public String customerRef;

    @Column(name = "erase_text", nullable = false)
    public boolean eraseText;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}

package io.feedbackloop.ingest.repository;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A survey we ask customers to answer: one metric, sent through one channel. */
@Entity
@Table(name = "survey")
public class Survey extends PanacheEntityBase {

    /** A slug chosen by the admin, e.g. {@code post-purchase-nps}. */
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    /** Wire name of the metric: nps, csat or ces. */
    @Column(nullable = false)
    public String metric;

    /** Wire name of the channel the invitation goes out on. */
    @Column(nullable = false)
    public String channel;

    /** Business events of these touchpoints pick this survey. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] touchpoints;

    /** Overrides the global contact-frequency rule for this survey; null: the global rule applies. */
    @Column(name = "contact_frequency_days")
    public Integer contactFrequencyDays;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

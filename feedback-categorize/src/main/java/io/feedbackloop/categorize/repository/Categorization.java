package io.feedbackloop.categorize.repository;

import java.time.Instant;
import java.util.UUID;

import io.feedbackloop.categorize.service.NpsClass;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "categorization")
public class Categorization extends PanacheEntityBase {

    @Id
    @Column(name = "feedback_id")
    public UUID feedbackId;

    @Column(name = "received_at")
    public Instant receivedAt;

    public String channel;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_name")
    public String customerName;

    @Column(name = "customer_locale")
    public String customerLocale;

    @Column(name = "nps_score")
    public Integer npsScore;

    @Convert(converter = NpsClass.Converter.class)
    @Column(name = "nps_class")
    public NpsClass npsClass;

    @Column(columnDefinition = "text")
    public String text;

    @Column(name = "categorized_at", nullable = false)
    public Instant categorizedAt;
}

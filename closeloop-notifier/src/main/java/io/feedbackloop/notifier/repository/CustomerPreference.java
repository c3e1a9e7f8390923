package io.feedbackloop.notifier.repository;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's own choices: which channels we may use and the time zone of their quiet hours. */
@Entity
@Table(name = "customer_preference")
public class CustomerPreference extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "email_opt_out_at")
    public Instant emailOptOutAt;

    @Column(name = "sms_opt_out_at")
    public Instant smsOptOutAt;

    @Column(name = "sms_opt_in_at")
    public Instant smsOptInAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}

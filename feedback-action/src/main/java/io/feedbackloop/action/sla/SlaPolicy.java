package io.feedbackloop.action.sla;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The target times of cases of one priority. */
@Entity
@Table(name = "sla_policy")
public class SlaPolicy extends PanacheEntityBase {

    /** low, normal, high, critical. */
    @Id
    public String priority;

    @Column(name = "first_response_minutes", nullable = false)
    public int firstResponseMinutes;

    @Column(name = "resolution_minutes", nullable = false)
    public int resolutionMinutes;

    /** Count only the owner team's working time (its days, hours, holidays and time zone). */
    @Column(name = "business_hours", nullable = false)
    public boolean businessHours;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

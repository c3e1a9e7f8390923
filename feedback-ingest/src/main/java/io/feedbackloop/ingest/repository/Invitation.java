package io.feedbackloop.ingest.repository;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One decision to ask a customer to answer a survey: {@code invited} (the survey.invited.v1
 * event went out) or {@code skipped} (a rule said no; kept as the record of why, never retried).
 */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    public static final String INVITED = "invited";
    public static final String SKIPPED = "skipped";
    public static final String CONTACT_FREQUENCY = "contact-frequency";

    @Id
    public UUID id;

    @Column(name = "survey_id", nullable = false)
    public String surveyId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_phone")
    public String customerPhone;

    @Column(name = "customer_name")
    public String customerName;

    @Column(name = "customer_segment")
    public String customerSegment;

    @Column(name = "customer_locale")
    public String customerLocale;

    public String touchpoint;

    @Column(nullable = false)
    public String status;

    /** Why a skipped invitation was skipped, e.g. {@code contact-frequency}. */
    public String reason;

    /** The original invitation this one reminds of; null for an original. */
    @Column(name = "reminder_of")
    public UUID reminderOf;

    /**
     * The channel whose key asked for this invitation, which alone may see it; null when the loop
     * itself (a business event) or an administrator asked.
     */
    public String channel;

    /** The business event that asked for this invitation; one invitation per event and channel. */
    @Column(name = "event_id")
    public String eventId;

    /** For a skipped invitation: when the customer was last asked. */
    @Column(name = "last_invited_at")
    public Instant lastInvitedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean isReminder() {
        return reminderOf != null;
    }

    /** Event ids are the caller's own: two channels may use the same one for different events. */
    public static Invitation byEventId(String channel, String eventId) {
        // the expression of the unique index invitation_channel_event, so that it finds the row
        return find("coalesce(channel, '') = ?1 AND eventId = ?2", channel == null ? "" : channel, eventId)
                .firstResult();
    }
}

package io.feedbackloop.notifier.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of the contact directory: how to reach a customer, as given with one feedback
 * ({@code customer.contact.v1}). The only place the notifier learns addresses and names from,
 * except a survey invitation, which names its own.
 */
@Entity
@Table(name = "contact_directory")
public class DirectoryContact extends PanacheEntityBase {

    @Id
    @Column(name = "feedback_id")
    public UUID feedbackId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    public String email;

    public String phone;

    public String name;

    public String locale;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;

    /** Stores the entry unless the feedback's contact is already known (a redelivered or re-published event). */
    public static boolean remember(UUID feedbackId, String customerId, String email, String phone, String name,
                                   String locale, String timeZone, Instant observedAt) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO contact_directory (feedback_id, customer_id, email, phone, name, locale, time_zone, observed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT (feedback_id) DO NOTHING""")
                .setParameter(1, feedbackId).setParameter(2, customerId).setParameter(3, email)
                .setParameter(4, phone).setParameter(5, name).setParameter(6, locale).setParameter(7, timeZone)
                .setParameter(8, observedAt).executeUpdate() == 1;
    }

    /**
     * The contact given with this feedback, else the customer's latest one that has an address (else
     * their latest): a message about an older feedback goes where they can be reached now.
     */
    public static Optional<DirectoryContact> lookup(String customerId, UUID feedbackId) {
        if (feedbackId != null) {
            Optional<DirectoryContact> given = find("feedbackId = ?1 and customerId = ?2", feedbackId, customerId)
                    .firstResultOptional();
            if (given.isPresent()) {
                return given;
            }
        }
        return getEntityManager().createQuery("""
                        select c from DirectoryContact c where c.customerId = ?1
                        order by case when c.email is not null or c.phone is not null then 0 else 1 end,
                            c.observedAt desc, c.feedbackId""", DirectoryContact.class)
                .setParameter(1, customerId).setMaxResults(1).getResultStream().findFirst();
    }

    /** Every address the directory knows of the customer on the channel. */
    public static List<String> addressesOf(String customerId, String channel) {
        String query = "sms".equals(channel)
                ? "select distinct c.phone from DirectoryContact c where c.customerId = ?1 and c.phone is not null"
                : "select distinct c.email from DirectoryContact c where c.customerId = ?1 and c.email is not null";
        return getEntityManager().createQuery(query, String.class).setParameter(1, customerId).getResultList();
    }

    public static long forget(String customerId) {
        return delete("customerId", customerId);
    }

    /** Deletes at most {@code limit} entries observed before {@code cutoff}; returns how many. */
    public static int forgetObservedBefore(Instant cutoff, int limit) {
        return getEntityManager().createNativeQuery("""
                DELETE FROM contact_directory WHERE feedback_id IN (
                    SELECT feedback_id FROM contact_directory WHERE observed_at < ?1 LIMIT ?2)""")
                .setParameter(1, cutoff).setParameter(2, limit).executeUpdate();
    }
}

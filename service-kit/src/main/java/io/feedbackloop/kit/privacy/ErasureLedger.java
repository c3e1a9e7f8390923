package io.feedbackloop.kit.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The customers erased in this service, by keyed pseudonym. Topics are not ordered with each other:
 * a {@code feedback.received.v1} or {@code action.opened.v1} about a customer may arrive after their
 * {@code customer.erased.v1}. Every effect that stores or sends personal data asks the ledger in
 * its own transaction, so such a late event is recorded as processed and changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ErasureLedger {

    @Inject
    EntityManager entityManager;

    @Inject
    Pseudonyms pseudonyms;

    /** Notes the erasure and drops this service's unsent events about the customer; returns the rows dropped. */
    public long record(String customerId, Instant erasedAt) {
        String ref = pseudonyms.customerRef(customerId);
        entityManager.createNativeQuery("""
                INSERT INTO erased_customer (customer_ref, erased_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING""")
                .setParameter(1, ref).setParameter(2, erasedAt).executeUpdate();
        return entityManager.createNativeQuery("DELETE FROM outbox_event WHERE customer_ref = ?1 AND sent_at IS NULL")
                .setParameter(1, ref).executeUpdate();
    }

    public boolean isErased(String customerId) {
        return customerId != null && !erasedAmong(List.of(customerId)).isEmpty();
    }

    /** The erased ones among these customer ids, in one query for a whole batch. */
    public Set<String> erasedAmong(Collection<String> customerIds) {
        Set<String> erased = new HashSet<>();
        if (customerIds.isEmpty()) {
            return erased;
        }
        List<String> refs = customerIds.stream().map(pseudonyms::customerRef).toList();
        @SuppressWarnings("unchecked")
        List<String> found = entityManager.createNativeQuery(
                "SELECT customer_ref FROM erased_customer WHERE customer_ref = ANY(CAST(?1 AS varchar[]))")
                .setParameter(1, refs.toArray(String[]::new)).getResultList();
        Set<String> foundRefs = new HashSet<>(found);
        for (String id : customerIds) {
            if (foundRefs.contains(pseudonyms.customerRef(id))) {
                erased.add(id);
            }
        }
        return erased;
    }
}

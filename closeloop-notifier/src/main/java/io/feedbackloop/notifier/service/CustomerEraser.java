package io.feedbackloop.notifier.service;

import io.feedbackloop.kit.privacy.CustomerErasure;
import io.feedbackloop.kit.privacy.Pseudonyms;
import io.feedbackloop.kit.privacy.ErasureStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Forgets a customer: their addresses, name and preferences go; a message still waiting is held
 * back for good; with their words erased, the quotes and the text of every message we sent them
 * go too. The record of what was sent stays, under a pseudonym.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerEraser implements ErasureStep {

    @Inject
    EntityManager entityManager;

    @Inject
    Pseudonyms pseudonyms;

    @Override
    public long erase(CustomerErasure.Requested request) {
        String customer = request.customerId();
        long rows = entityManager.createNativeQuery("""
                UPDATE follow_up SET status = 'suppressed', status_reason = 'customer erased', failed_at = now()
                WHERE customer_id = ?1 AND status IN ('queued', 'sending')""")
                .setParameter(1, customer).executeUpdate();
        rows += entityManager.createNativeQuery("""
                UPDATE follow_up SET customer_id = ?2, phone = NULL, customer_name = NULL,
                    recipient = CASE WHEN channel = 'webhook' THEN recipient ELSE NULL END,
                    quote = CASE WHEN ?3 THEN NULL ELSE quote END,
                    subject = CASE WHEN ?3 THEN NULL ELSE subject END,
                    body = CASE WHEN ?3 THEN NULL ELSE body END,
                    details = CASE WHEN ?3 THEN '{}'::jsonb ELSE details END
                WHERE customer_id = ?1""")
                .setParameter(1, customer).setParameter(2, pseudonyms.customerRef(customer))
                .setParameter(3, request.eraseText()).executeUpdate();
        rows += entityManager.createNativeQuery("DELETE FROM customer_preference WHERE customer_id = ?1")
                .setParameter(1, customer).executeUpdate();
        return rows;
    }
}

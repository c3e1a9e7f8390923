package io.feedbackloop.categorize.service;

import io.feedbackloop.kit.privacy.CustomerErasure;
import io.feedbackloop.kit.privacy.Pseudonyms;
import io.feedbackloop.kit.privacy.ErasureStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Removes a customer's personal data from the categorizations: contact data always, their words
 * (text and the words that matched a theme) when asked. Labels and scores stay, under a pseudonym,
 * so the metrics do not change.
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
        String pseudonym = pseudonyms.customerRef(request.customerId());
        long rows = 0;
        if (request.eraseText()) {
            rows += entityManager.createNativeQuery("""
                    UPDATE categorization_theme SET matched_terms = '{}' WHERE feedback_id IN
                        (SELECT feedback_id FROM categorization WHERE customer_id = ?1)""")
                    .setParameter(1, request.customerId()).executeUpdate();
        }
        // the row version moves: an update of this row loaded before the erasure fails and is
        // retried on the erased row, instead of writing the personal data back
        rows += entityManager.createNativeQuery("""
                UPDATE categorization SET row_version = row_version + 1, customer_id = ?2, customer_email = NULL, customer_phone = NULL,
                    customer_name = NULL, text = CASE WHEN ?3 THEN NULL ELSE text END
                WHERE customer_id = ?1""")
                .setParameter(1, request.customerId()).setParameter(2, pseudonym).setParameter(3, request.eraseText())
                .executeUpdate();
        return rows;
    }
}

package io.feedbackloop.action.privacy;

import io.feedbackloop.kit.privacy.CustomerErasure;
import io.feedbackloop.kit.privacy.Pseudonyms;
import io.feedbackloop.kit.privacy.ErasureStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Removes a customer's personal data from cases and feedback copies: contact data always; when
 * asked, also their words and what agents wrote to or about them (replies and notes read
 * "[erased]", the resolution text goes). Cases, audit trail and metrics stay, under a pseudonym.
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
        String pseudonym = pseudonyms.customerRef(customer);
        long rows = 0;
        if (request.eraseText()) {
            rows += entityManager.createNativeQuery("""
                    UPDATE case_comment SET text = ?2 WHERE case_id IN (SELECT id FROM support_case WHERE customer_id = ?1)""")
                    .setParameter(1, customer).setParameter(2, CustomerErasure.ERASED_TEXT).executeUpdate();
        }
        // the row version moves: an update of this row loaded before the erasure fails and is
        // retried on the erased row, instead of writing the personal data back
        rows += entityManager.createNativeQuery("""
                UPDATE support_case SET row_version = row_version + 1, customer_id = ?2, customer_email = NULL, customer_phone = NULL,
                    customer_name = NULL, text = CASE WHEN ?3 THEN NULL ELSE text END,
                    resolution_text = CASE WHEN ?3 THEN NULL ELSE resolution_text END
                WHERE customer_id = ?1""")
                .setParameter(1, customer).setParameter(2, pseudonym).setParameter(3, request.eraseText())
                .executeUpdate();
        rows += entityManager.createNativeQuery("""
                UPDATE feedback_copy SET customer_id = ?2, customer_email = NULL, customer_phone = NULL,
                    customer_name = NULL, text = CASE WHEN ?3 THEN NULL ELSE text END
                WHERE customer_id = ?1""")
                .setParameter(1, customer).setParameter(2, pseudonym).setParameter(3, request.eraseText())
                .executeUpdate();
        return rows;
    }
}

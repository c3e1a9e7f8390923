package io.feedbackloop.categorize.service;

import io.feedbackloop.kit.privacy.CustomerErasure;
import io.feedbackloop.kit.privacy.ErasureStep;
import io.feedbackloop.kit.privacy.Pseudonyms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Removes a customer's personal data from every table of this service: their id (replaced by a
 * pseudonym), their words when asked (text, comments waiting for their feedback, the words that
 * matched a theme, analysts' notes about their feedback), and the events about their feedback in
 * the outbox. Labels and scores stay, under a pseudonym, so the metrics do not change.
 *
 * <p>This service keeps no contact data (it travels on {@code customer.contact.v1} to the notifier
 * only), so it does not know the customer's address, phone or name. Words kept by a contact-only
 * erasure may still hold an address or phone the customer wrote into them ("call me on +7 916 ..."):
 * every email address and phone number found in them ({@code contact_data_in}) is taken out.
 *
 * <p>A comment waiting for a feedback that has not arrived names no customer, so no erasure can
 * find it; when its feedback arrives, {@link CategorizationService#categorize} finds the customer
 * erased and drops both.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerEraser implements ErasureStep {

    /** The customer's feedback, before the last statement puts the pseudonym in place of their id. */
    private static final String THEIR_FEEDBACK = "(SELECT feedback_id FROM categorization WHERE customer_id = ?1)";

    @Inject
    EntityManager entityManager;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    ErasedCustomers erasedCustomers;

    @Override
    public long erase(CustomerErasure.Requested request) {
        String customer = request.customerId();
        // a feedback of theirs being stored right now either commits first (and is erased below) or
        // waits for this erasure and then finds them in the ledger
        erasedCustomers.lockCustomer(customer);
        long rows = 0;
        // the events about their feedback carry their id and words: an unsent one would bring them to
        // the other services after the erasure, a sent one is only kept for retention
        rows += update("DELETE FROM outbox_event WHERE record_key IN (SELECT CAST(feedback_id AS varchar) FROM "
                + "categorization WHERE customer_id = ?1)", customer);
        if (request.eraseText()) {
            rows += update("UPDATE categorization_theme SET matched_terms = '{}' WHERE feedback_id IN " + THEIR_FEEDBACK,
                    customer);
            rows += update("UPDATE categorization_correction SET note = NULL WHERE note IS NOT NULL AND feedback_id IN "
                    + THEIR_FEEDBACK, customer);
            // a comment still pending although its feedback is here (it came in at the same moment)
            rows += update("DELETE FROM pending_comment WHERE feedback_id IN " + THEIR_FEEDBACK, customer);
        } else {
            rows += update("UPDATE categorization_correction SET note = " + withoutContactData("note")
                    + " WHERE note IS NOT NULL AND feedback_id IN " + THEIR_FEEDBACK, customer,
                    CustomerErasure.ERASED_TEXT);
            rows += update("UPDATE pending_comment SET text = " + withoutContactData("text")
                    + " WHERE feedback_id IN " + THEIR_FEEDBACK, customer, CustomerErasure.ERASED_TEXT);
        }
        // last, as it replaces the id every statement above finds the customer by. The row version
        // moves: an update of this row loaded before the erasure fails and is retried on the erased
        // row, instead of writing the personal data back
        rows += entityManager.createNativeQuery("""
                UPDATE categorization SET row_version = row_version + 1, customer_id = ?3,
                    text = CASE WHEN ?4 THEN NULL ELSE %s END
                WHERE customer_id = ?1""".formatted(withoutContactData("text")))
                .setParameter(1, customer).setParameter(2, CustomerErasure.ERASED_TEXT)
                .setParameter(3, pseudonyms.customerRef(customer)).setParameter(4, request.eraseText())
                .executeUpdate();
        return rows;
    }

    private long update(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }

    /** The words of a column without the email addresses and phone numbers written into them. */
    private static String withoutContactData(String column) {
        return "without_contact_data(" + column + ", contact_data_in(" + column + "), ?2)";
    }
}

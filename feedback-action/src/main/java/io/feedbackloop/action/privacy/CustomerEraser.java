package io.feedbackloop.action.privacy;

import java.time.Clock;
import java.util.List;

import io.feedbackloop.kit.privacy.CustomerErasure;
import io.feedbackloop.kit.privacy.ErasureStep;
import io.feedbackloop.kit.privacy.Pseudonyms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Removes a customer's personal data from every table of this service, set-based: their customer
 * id always (a pseudonym instead), and contact data wherever it was written into text that is kept
 * (a note "called her on +7 916 …", a resolution "sent to olga@example.com": every email address and
 * phone number there is replaced by "[erased]", see {@link ContactPatterns}; the service holds no
 * contact data of its own to look for); when asked, also their words and what agents wrote to or about them (replies and
 * notes read "[erased]", so do the resolution texts and reopening reasons in the audit trail; the
 * case's resolution text goes). Cases, audit trail and metrics stay, under a pseudonym.
 *
 * <p>Also here: improvement announcements not yet made to the customer are dropped (an erased
 * customer is not written to), and so are this service's outbox rows about their feedback, sent or
 * not: they hold the event payloads, and the kit's ledger only drops unsent rows tagged with a
 * customer, which this service's events are not; every one of them is keyed by its feedback id.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerEraser implements ErasureStep {

    /** Free text in audit details: the closing resolution text, the reopening reason (see CaseCommands). */
    private static final String AUDIT_FREE_TEXT = """
            details || CASE WHEN details ->> 'resolutionText' IS NOT NULL
                            THEN jsonb_build_object('resolutionText', CAST(:erased AS text)) ELSE jsonb_build_object() END
                    || CASE WHEN action = 'reopened' AND details ->> 'reason' IS NOT NULL
                            THEN jsonb_build_object('reason', CAST(:erased AS text)) ELSE jsonb_build_object() END""";

    /**
     * The audit values people write (see CaseCommands, CaseLabels): the rest are ids, statuses, times
     * and the team members an assignment names, which contact patterns must not touch.
     */
    private static final String WRITTEN_BY_PEOPLE = "e.key IN ('resolutionText', 'rootCause', 'reason')";

    @Inject
    EntityManager entityManager;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    ErasureGuard guard;

    @Inject
    Clock clock;

    @Override
    public long erase(CustomerErasure.Requested request) {
        String customer = request.customerId();
        String pseudonym = pseudonyms.customerRef(customer);
        // an event about the customer being applied right now finishes first, and is erased below
        guard.holdOffOthers(customer);
        // locks the rows too: a case being worked, a copy being announced, finishes first
        lockRowsOf(customer);
        ContactPatterns contact = ContactPatterns.ANY;
        long rows = pseudonymise(customer, pseudonym, request.eraseText(), contact);
        rows += eraseCommentsAndAudit(pseudonym, request.eraseText(), contact);
        rows += entityManager.createNativeQuery("""
                DELETE FROM improvement_link WHERE announced_at IS NULL
                  AND feedback_id IN (SELECT feedback_id FROM feedback_copy WHERE customer_id = :pseudonym)""")
                .setParameter("pseudonym", pseudonym).executeUpdate();
        // after the above, which waited for anyone still writing about this customer's feedback
        rows += entityManager.createNativeQuery("""
                DELETE FROM outbox_event WHERE record_key IN (
                    SELECT CAST(feedback_id AS varchar) FROM feedback_copy WHERE customer_id = :pseudonym
                    UNION SELECT CAST(feedback_id AS varchar) FROM support_case WHERE customer_id = :pseudonym)""")
                .setParameter("pseudonym", pseudonym).executeUpdate();
        return rows;
    }

    private void lockRowsOf(String customer) {
        for (String table : List.of("support_case", "feedback_copy")) {
            entityManager.createNativeQuery("SELECT 1 FROM " + table + " WHERE customer_id = :customer FOR UPDATE")
                    .setParameter("customer", customer).getResultList();
        }
    }

    /**
     * The row version of a case moves: an update of the row loaded before the erasure fails and is
     * retried on the erased row, instead of writing the personal data back. An erased copy says so,
     * which keeps it out of improvement actions.
     */
    private long pseudonymise(String customer, String pseudonym, boolean eraseText, ContactPatterns contact) {
        long rows = scrubbing(entityManager.createNativeQuery("""
                UPDATE support_case SET row_version = row_version + 1, customer_id = :pseudonym,
                    text = CASE WHEN :eraseText THEN NULL ELSE %s END,
                    resolution_text = CASE WHEN :eraseText THEN NULL ELSE %s END
                WHERE customer_id = :customer""".formatted(scrubbed("text"), scrubbed("resolution_text"))), contact)
                .setParameter("customer", customer).setParameter("pseudonym", pseudonym)
                .setParameter("eraseText", eraseText).executeUpdate();
        rows += scrubbing(entityManager.createNativeQuery("""
                UPDATE feedback_copy SET customer_id = :pseudonym, text = CASE WHEN :eraseText THEN NULL ELSE %s END,
                    customer_erased_at = :now
                WHERE customer_id = :customer""".formatted(scrubbed("text"))), contact)
                .setParameter("customer", customer).setParameter("pseudonym", pseudonym)
                .setParameter("eraseText", eraseText).setParameter("now", clock.instant()).executeUpdate();
        return rows;
    }

    private long eraseCommentsAndAudit(String pseudonym, boolean eraseText, ContactPatterns contact) {
        String ofTheCustomersCases = "case_id IN (SELECT id FROM support_case WHERE customer_id = :pseudonym)";
        long rows = 0;
        if (eraseText) {
            rows += entityManager.createNativeQuery("UPDATE case_comment SET text = :erased WHERE " + ofTheCustomersCases)
                    .setParameter("pseudonym", pseudonym).setParameter("erased", CustomerErasure.ERASED_TEXT).executeUpdate();
            rows += entityManager.createNativeQuery("""
                    UPDATE case_audit SET details = %s
                    WHERE %s AND (details ->> 'resolutionText' IS NOT NULL
                      OR (action = 'reopened' AND details ->> 'reason' IS NOT NULL))""".formatted(AUDIT_FREE_TEXT,
                            ofTheCustomersCases))
                    .setParameter("pseudonym", pseudonym).setParameter("erased", CustomerErasure.ERASED_TEXT).executeUpdate();
        }
        // contact data written into what is kept: notes and replies, and the text people wrote into an
        // audit entry (the words of a resolution kept without eraseText, a root cause, a reason)
        rows += scrubbing(entityManager.createNativeQuery("UPDATE case_comment SET text = " + scrubbed("text")
                        + " WHERE " + ofTheCustomersCases + " AND " + mentions("text")), contact)
                .setParameter("pseudonym", pseudonym).executeUpdate();
        rows += scrubbing(entityManager.createNativeQuery("""
                UPDATE case_audit a SET details = (
                    SELECT jsonb_object_agg(e.key, CASE WHEN jsonb_typeof(e.value) = 'string'
                                                             AND %s THEN to_jsonb(%s) ELSE e.value END)
                    FROM jsonb_each(a.details) e)
                WHERE a.%s AND %s""".formatted(WRITTEN_BY_PEOPLE, scrubbed("jsonb_build_array(e.value) ->> 0"),
                        ofTheCustomersCases,
                        mentions("a.details::text"))), contact)
                .setParameter("pseudonym", pseudonym).executeUpdate();
        return rows;
    }

    /** The text with the customer's contact data replaced (the parameters are set by {@link #scrubbing}). */
    private static String scrubbed(String text) {
        return "regexp_replace(regexp_replace(" + text + ", :anyCase, :erased, 'gi'), :exactCase, :erased, 'g')";
    }

    /** Whether the text holds any of the customer's contact data (the parameters are set by {@link #scrubbing}). */
    private static String mentions(String text) {
        return "(" + text + " ~* :anyCase OR " + text + " ~ :exactCase)";
    }

    private static Query scrubbing(Query query, ContactPatterns contact) {
        return query.setParameter("anyCase", contact.anyCase()).setParameter("exactCase", contact.exactCase())
                .setParameter("erased", CustomerErasure.ERASED_TEXT);
    }
}

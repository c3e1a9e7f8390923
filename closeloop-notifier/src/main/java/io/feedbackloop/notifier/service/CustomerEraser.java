package io.feedbackloop.notifier.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.feedbackloop.kit.privacy.CustomerErasure;
import io.feedbackloop.kit.privacy.ErasureStep;
import io.feedbackloop.kit.privacy.Pseudonyms;
import io.feedbackloop.notifier.repository.CustomerPreference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Forgets a customer: their addresses, name and preferences go (the contact directory's entries too); a message still waiting is held
 * back for good; what the messages about them still say (the text as sent, the agent's reply, the
 * provider's answer, the gateway's message id) loses their name, addresses and the token of their
 * unsubscribe links; with their words erased, the quotes, subjects, texts and details go entirely.
 * The record of what was sent stays, under a pseudonym. Their opt-outs stay too, as suppression
 * entries for the addresses they were given for: the only thing kept, and kept as keyed hashes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerEraser implements ErasureStep {

    @Inject
    EntityManager entityManager;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    CustomerPreferences preferences;

    @Inject
    SuppressionList suppressions;

    @Inject
    UnsubscribeLinks unsubscribeLinks;

    @Inject
    FollowUpEvents events;

    @Inject
    Clock clock;

    @Override
    public long erase(CustomerErasure.Requested request) {
        String customer = request.customerId();
        // first, while their rows still name their addresses
        keepOptOutsAsSuppressions(customer);
        String personal = anyOf(personalValues(customer));
        List<UUID> messages = entityManager.createQuery("select f.id from FollowUp f where f.customerId = ?1", UUID.class)
                .setParameter(1, customer).getResultList();
        events.eraseProviderWords(messages);

        long rows = entityManager.createNativeQuery("""
                UPDATE follow_up SET status = 'suppressed', status_reason = 'customer erased', failed_at = now()
                WHERE customer_id = ?1 AND status IN ('queued', 'sending')""")
                .setParameter(1, customer).executeUpdate();
        // a reason we wrote (suppressed: opt-out, cap, no address, customer erased) names nobody; a
        // provider's answer (failed, undeliverable) is its own text and may name them in any spelling
        rows += entityManager.createNativeQuery("""
                UPDATE follow_up SET customer_id = ?2, phone = NULL, customer_name = NULL, erased_at = ?5,
                    recipient = CASE WHEN channel = 'webhook' THEN recipient ELSE NULL END,
                    quote = CASE WHEN ?3 THEN NULL ELSE regexp_replace(quote, ?4, ?6, 'gi') END,
                    subject = CASE WHEN ?3 THEN NULL ELSE regexp_replace(subject, ?4, ?6, 'gi') END,
                    body = CASE WHEN ?3 THEN NULL ELSE regexp_replace(body, ?4, ?6, 'gi') END,
                    details = CASE WHEN ?3 THEN '{}'::jsonb ELSE (
                        SELECT coalesce(jsonb_object_agg(d.key, regexp_replace(d.value, ?4, ?6, 'gi')), '{}'::jsonb)
                        FROM jsonb_each_text(details) AS d) END,
                    status_reason = CASE WHEN status = 'suppressed' OR status_reason IS NULL THEN status_reason
                        ELSE ?6 END,
                    provider_message_id = regexp_replace(provider_message_id, ?4, ?6, 'gi')
                WHERE customer_id = ?1""")
                .setParameter(1, customer).setParameter(2, pseudonyms.customerRef(customer))
                .setParameter(3, request.eraseText()).setParameter(4, personal).setParameter(5, clock.instant())
                .setParameter(6, CustomerErasure.ERASED_TEXT).executeUpdate();
        rows += entityManager.createNativeQuery("DELETE FROM customer_preference WHERE customer_id = ?1")
                .setParameter(1, customer).executeUpdate();
        // how to reach them: the contact directory's entries go entirely
        rows += entityManager.createNativeQuery("DELETE FROM contact_directory WHERE customer_id = ?1")
                .setParameter(1, customer).executeUpdate();
        return rows;
    }

    /** An opt-out is the customer's own row, erased with them; the addresses it covered stay suppressed. */
    private void keepOptOutsAsSuppressions(String customer) {
        CustomerPreference preference = preferences.find(customer);
        if (preference == null) {
            return;
        }
        if (preference.emailOptOutAt != null) {
            suppressions.suppressKnownAddresses(customer, ChannelChooser.EMAIL, SuppressionList.STANDING_OPT_OUT);
        }
        if (preference.smsOptOutAt != null) {
            suppressions.suppressKnownAddresses(customer, ChannelChooser.SMS, SuppressionList.STANDING_OPT_OUT);
        }
    }

    /**
     * What names the customer in text we wrote or were answered: every name and address they were
     * given under, and the tokens of their unsubscribe links (which carry their id).
     */
    private Set<String> personalValues(String customer) {
        @SuppressWarnings("unchecked")
        List<String> stored = entityManager.createNativeQuery("""
                SELECT customer_name FROM follow_up WHERE customer_id = ?1 AND customer_name IS NOT NULL
                UNION SELECT recipient FROM follow_up WHERE customer_id = ?1 AND channel <> 'webhook' AND recipient IS NOT NULL
                UNION SELECT phone FROM follow_up WHERE customer_id = ?1 AND phone IS NOT NULL
                UNION SELECT name FROM contact_directory WHERE customer_id = ?1 AND name IS NOT NULL
                UNION SELECT email FROM contact_directory WHERE customer_id = ?1 AND email IS NOT NULL
                UNION SELECT phone FROM contact_directory WHERE customer_id = ?1 AND phone IS NOT NULL""")
                .setParameter(1, customer).getResultList();
        Set<String> values = new LinkedHashSet<>();
        stored.stream().map(String::trim).filter(v -> !v.isEmpty()).forEach(values::add);
        values.add(unsubscribeLinks.token(customer, ChannelChooser.EMAIL));
        values.add(unsubscribeLinks.token(customer, ChannelChooser.SMS));
        return values;
    }

    /**
     * One PostgreSQL regular expression (ARE) matching any of the values literally, the longest
     * first; a value that starts or ends with a letter or digit only as a whole word there, so that
     * erasing "Ann" leaves "Annual" alone. Every character but letters, digits and spaces is escaped.
     */
    static String anyOf(Set<String> values) {
        List<String> longestFirst = new ArrayList<>(values);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder pattern = new StringBuilder();
        for (String value : longestFirst) {
            pattern.append(pattern.isEmpty() ? "" : "|");
            if (isWordCharacter(value.codePointAt(0))) {
                pattern.append("(?<!\\w)");
            }
            value.codePoints().forEach(c -> {
                if (!Character.isLetterOrDigit(c) && c != ' ') {
                    pattern.append('\\');
                }
                pattern.appendCodePoint(c);
            });
            if (isWordCharacter(value.codePointBefore(value.length()))) {
                pattern.append("(?!\\w)");
            }
        }
        return pattern.toString();
    }

    private static boolean isWordCharacter(int c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}

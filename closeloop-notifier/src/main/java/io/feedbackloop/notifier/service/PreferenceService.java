package io.feedbackloop.notifier.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.privacy.ErasureLedger;
import io.feedbackloop.notifier.model.Consent;
import io.feedbackloop.notifier.model.ContactPreferences;
import io.feedbackloop.notifier.model.PreferenceChange;
import io.feedbackloop.notifier.repository.CustomerPreference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Reads and changes a customer's consent and time zone, for ops (API) and the customer (unsubscribe link). */
@ApplicationScoped
@Transactional
public class PreferenceService {

    @Inject
    CustomerPreferences preferences;

    @Inject
    SuppressionList suppressions;

    @Inject
    ErasureLedger ledger;

    @Inject
    Clock clock;

    public ContactPreferences view(String customerId) {
        CustomerPreference p = preferences.find(customerId);
        return new ContactPreferences(customerId,
                p != null && p.timeZone != null ? p.timeZone : null,
                preferences.zoneOf(customerId, null).getId(),
                consent(customerId, ChannelChooser.EMAIL), consent(customerId, ChannelChooser.SMS),
                p == null ? null : p.updatedAt, p == null ? null : p.updatedBy);
    }

    /** Unsubscribed by their own choice, or because an address of theirs is on the suppression list. */
    private String consent(String customerId, String channel) {
        return preferences.refusal(customerId, channel) == null
                && !suppressions.anyKnownAddressSuppressed(customerId, channel) ? Consent.SUBSCRIBED : Consent.UNSUBSCRIBED;
    }

    public ContactPreferences update(String customerId, PreferenceChange change) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (customerId.isBlank() || customerId.length() > 100) {
            violations.add(new Problem.Violation("customerId", "length", "must be 1 to 100 characters"));
        }
        if (change.timeZone() != null && CustomerPreferences.parse(change.timeZone()) == null) {
            violations.add(new Problem.Violation("timeZone", "time-zone", "must be an IANA time zone such as Europe/Moscow"));
        }
        if (change.email() != null && !Consent.VALUES.contains(change.email())) {
            violations.add(new Problem.Violation("email", "one-of", "must be one of " + Consent.VALUES));
        }
        if (change.sms() != null && !Consent.VALUES.contains(change.sms())) {
            violations.add(new Problem.Violation("sms", "one-of", "must be one of " + Consent.VALUES));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        if (ledger.isErased(customerId)) {
            // a preference row would hold the id of a customer who asked to be forgotten
            throw new ProblemException(Problem.of(409, "customer-erased", "Customer erased",
                    "this customer was erased: nothing is kept about them, preferences included"));
        }
        String by = change.changedBy() == null || change.changedBy().isBlank() ? "api" : change.changedBy();
        CustomerPreference p = preferences.findOrCreate(customerId, by);
        if (change.timeZone() != null) {
            p.timeZone = change.timeZone();
        }
        change(customerId, ChannelChooser.EMAIL, change.email(), by);
        change(customerId, ChannelChooser.SMS, change.sms(), by);
        p.updatedAt = clock.instant();
        p.updatedBy = by;
        return view(customerId);
    }

    private void change(String customerId, String channel, String consent, String by) {
        if (Consent.UNSUBSCRIBED.equals(consent)) {
            preferences.optOut(customerId, channel, by, SuppressionList.PREFERENCES_API);
        } else if (Consent.SUBSCRIBED.equals(consent)) {
            preferences.optIn(customerId, channel, by);
        }
    }

    /**
     * The customer followed the link in a message. A link from before their erasure changes nothing:
     * we no longer know the address it was sent to, and would only store their id again.
     */
    public void unsubscribe(UnsubscribeLinks.Subscription subscription) {
        if (ledger.isErased(subscription.customerId())) {
            return;
        }
        preferences.optOut(subscription.customerId(), subscription.channel(), "customer (unsubscribe link)",
                SuppressionList.UNSUBSCRIBE_LINK);
    }
}

package io.feedbackloop.notifier.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
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
    Clock clock;

    public ContactPreferences view(String customerId) {
        CustomerPreference p = preferences.find(customerId);
        return new ContactPreferences(customerId,
                p != null && p.timeZone != null ? p.timeZone : null,
                preferences.zoneOf(customerId, null).getId(),
                preferences.refusal(customerId, ChannelChooser.EMAIL) == null ? Consent.SUBSCRIBED : Consent.UNSUBSCRIBED,
                preferences.refusal(customerId, ChannelChooser.SMS) == null ? Consent.SUBSCRIBED : Consent.UNSUBSCRIBED,
                p == null ? null : p.updatedAt, p == null ? null : p.updatedBy);
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
        String by = change.changedBy() == null || change.changedBy().isBlank() ? "api" : change.changedBy();
        CustomerPreference p = preferences.findOrCreate(customerId, by);
        Instant now = clock.instant();
        if (change.timeZone() != null) {
            p.timeZone = change.timeZone();
        }
        if (change.email() != null) {
            p.emailOptOutAt = Consent.UNSUBSCRIBED.equals(change.email())
                    ? (p.emailOptOutAt != null ? p.emailOptOutAt : now) : null;
        }
        if (change.sms() != null) {
            boolean out = Consent.UNSUBSCRIBED.equals(change.sms());
            p.smsOptOutAt = out ? (p.smsOptOutAt != null ? p.smsOptOutAt : now) : null;
            p.smsOptInAt = out ? null : (p.smsOptInAt != null ? p.smsOptInAt : now);
        }
        p.updatedAt = now;
        p.updatedBy = by;
        return view(customerId);
    }

    /** The customer followed the link in a message. */
    public void unsubscribe(UnsubscribeLinks.Subscription subscription) {
        preferences.optOut(subscription.customerId(), subscription.channel(), "customer (unsubscribe link)");
    }
}

package io.feedbackloop.notifier.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.repository.CustomerPreference;
import io.feedbackloop.notifier.rest.PreferenceViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Reads and changes a customer's consent and time zone, for ops (API) and the customer (unsubscribe link). */
@ApplicationScoped
@Transactional
public class PreferenceService {

    private static final List<String> CONSENT = List.of(PreferenceViews.SUBSCRIBED, PreferenceViews.UNSUBSCRIBED);

    @Inject
    CustomerPreferences preferences;

    @Inject
    FollowUpConfig config;

    @Inject
    Clock clock;

    public PreferenceViews.Preferences view(String customerId) {
        CustomerPreference p = preferences.find(customerId);
        return new PreferenceViews.Preferences(customerId,
                p != null && p.timeZone != null ? p.timeZone : null,
                preferences.zoneOf(customerId, null).getId(),
                preferences.refusal(customerId, ChannelChooser.EMAIL) == null ? PreferenceViews.SUBSCRIBED : PreferenceViews.UNSUBSCRIBED,
                preferences.refusal(customerId, ChannelChooser.SMS) == null ? PreferenceViews.SUBSCRIBED : PreferenceViews.UNSUBSCRIBED,
                p == null ? null : p.updatedAt, p == null ? null : p.updatedBy);
    }

    public PreferenceViews.Preferences update(String customerId, PreferenceViews.Change change) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (customerId.isBlank() || customerId.length() > 100) {
            violations.add(new Problem.Violation("customerId", "length", "must be 1 to 100 characters"));
        }
        if (change.timeZone() != null && CustomerPreferences.parse(change.timeZone()) == null) {
            violations.add(new Problem.Violation("timeZone", "time-zone", "must be an IANA time zone such as Europe/Moscow"));
        }
        if (change.email() != null && !CONSENT.contains(change.email())) {
            violations.add(new Problem.Violation("email", "one-of", "must be one of " + CONSENT));
        }
        if (change.sms() != null && !CONSENT.contains(change.sms())) {
            violations.add(new Problem.Violation("sms", "one-of", "must be one of " + CONSENT));
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
            p.emailOptOutAt = PreferenceViews.UNSUBSCRIBED.equals(change.email())
                    ? (p.emailOptOutAt != null ? p.emailOptOutAt : now) : null;
        }
        if (change.sms() != null) {
            boolean out = PreferenceViews.UNSUBSCRIBED.equals(change.sms());
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

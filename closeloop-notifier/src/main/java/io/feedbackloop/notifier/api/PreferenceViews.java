package io.feedbackloop.notifier.api;

import java.time.Instant;

import jakarta.validation.constraints.Size;

/** A customer's preferences as ops see and change them; consent is {@code subscribed} or {@code unsubscribed}. */
public final class PreferenceViews {

    private PreferenceViews() {
    }

    /**
     * @param timeZone          the zone the customer or their record set, if any
     * @param effectiveTimeZone the zone quiet hours are counted in
     */
    public record Preferences(String customerId, String timeZone, String effectiveTimeZone, String email, String sms,
                              Instant updatedAt, String updatedBy) {
    }

    /** Only the fields given change. */
    public record Change(@Size(max = 60) String timeZone, String email, String sms, @Size(max = 200) String changedBy) {
    }
}

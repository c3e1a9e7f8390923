package io.feedbackloop.notifier.rest;

import java.time.Instant;

import jakarta.validation.constraints.Size;

public final class PreferenceViews {

    public static final String SUBSCRIBED = "subscribed";
    public static final String UNSUBSCRIBED = "unsubscribed";

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

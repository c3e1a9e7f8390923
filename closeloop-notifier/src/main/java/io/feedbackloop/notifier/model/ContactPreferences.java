package io.feedbackloop.notifier.model;

import java.time.Instant;

/**
 * A customer's consent per channel ({@link Consent}) and the time zones of their quiet hours.
 *
 * @param timeZone          the zone the customer or their record set, if any
 * @param effectiveTimeZone the zone quiet hours are counted in
 */
public record ContactPreferences(String customerId, String timeZone, String effectiveTimeZone, String email,
                                 String sms, Instant updatedAt, String updatedBy) {
}

package io.feedbackloop.notifier.model;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** A nightly window in the customer's own time zone during which messages wait. */
public record QuietHours(LocalTime start, LocalTime end) {

    /** @return when the window that contains {@code now} ends in {@code zone}, or empty outside it */
    public Optional<Instant> endOfWindowContaining(Instant now, ZoneId zone) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean wraps = start.isAfter(end);   // 21:00–09:00 spans midnight
        if (!wraps) {
            return !time.isBefore(start) && time.isBefore(end)
                    ? Optional.of(local.with(end).toInstant()) : Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(local.toLocalDate().plusDays(1).atTime(end).atZone(zone).toInstant());
        }
        if (time.isBefore(end)) {
            return Optional.of(local.toLocalDate().atTime(end).atZone(zone).toInstant());
        }
        return Optional.empty();
    }
}

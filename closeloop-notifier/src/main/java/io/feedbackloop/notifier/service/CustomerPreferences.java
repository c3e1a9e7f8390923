package io.feedbackloop.notifier.service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.repository.CustomerPreference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** A customer's consent per channel and their time zone, as they set it or as we best know it. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerPreferences {

    @Inject
    FollowUpConfig config;

    @Inject
    Clock clock;

    @Inject
    SuppressionList suppressions;

    public CustomerPreference find(String customerId) {
        return customerId == null ? null : CustomerPreference.findById(customerId);
    }

    public CustomerPreference findOrCreate(String customerId, String by) {
        CustomerPreference preference = find(customerId);
        if (preference == null) {
            preference = new CustomerPreference();
            preference.customerId = customerId;
            preference.updatedAt = clock.instant();
            preference.updatedBy = by;
            preference.persist();
        }
        return preference;
    }

    /** Null when allowed, else why not. */
    public String refusal(String customerId, String channel) {
        CustomerPreference preference = find(customerId);
        return switch (channel) {
            case "email" -> preference != null && preference.emailOptOutAt != null
                    ? "customer unsubscribed from email on " + preference.emailOptOutAt : null;
            case "sms" -> {
                if (preference != null && preference.smsOptOutAt != null) {
                    yield "customer unsubscribed from SMS on " + preference.smsOptOutAt;
                }
                yield "opt-in".equals(config.consent().sms()) && (preference == null || preference.smsOptInAt == null)
                        ? "customer has not agreed to SMS" : null;
            }
            default -> null;
        };
    }

    /**
     * The customer wants nothing more on the channel: recorded on their preferences, and their
     * addresses there go on the suppression list, which outlives their erasure.
     *
     * @param reason how they said so, kept with the suppression entry (never an address)
     */
    public void optOut(String customerId, String channel, String by, String reason) {
        CustomerPreference preference = findOrCreate(customerId, by);
        Instant now = clock.instant();
        if ("sms".equals(channel)) {
            preference.smsOptOutAt = preference.smsOptOutAt != null ? preference.smsOptOutAt : now;
            preference.smsOptInAt = null;
        } else {
            preference.emailOptOutAt = preference.emailOptOutAt != null ? preference.emailOptOutAt : now;
        }
        preference.updatedAt = now;
        preference.updatedBy = by;
        suppressions.suppressKnownAddresses(customerId, channel, reason);
    }

    /** The customer explicitly agreed to the channel again: their addresses there leave the suppression list. */
    public void optIn(String customerId, String channel, String by) {
        CustomerPreference preference = findOrCreate(customerId, by);
        Instant now = clock.instant();
        if ("sms".equals(channel)) {
            preference.smsOptOutAt = null;
            preference.smsOptInAt = preference.smsOptInAt != null ? preference.smsOptInAt : now;
        } else {
            preference.emailOptOutAt = null;
        }
        preference.updatedAt = now;
        preference.updatedBy = by;
        suppressions.releaseKnownAddresses(customerId, channel);
    }

    /** Remembers a time zone an upstream system told us, unless the customer already set one. */
    public void learnTimeZone(String customerId, String timeZone) {
        if (customerId == null || timeZone == null || timeZone.isBlank() || parse(timeZone) == null) {
            return;
        }
        CustomerPreference preference = findOrCreate(customerId, "event");
        if (preference.timeZone == null) {
            preference.timeZone = timeZone;
        }
    }

    /** The stored zone, else the zone configured for the customer's locale, else the default. */
    public ZoneId zoneOf(String customerId, String locale) {
        CustomerPreference preference = find(customerId);
        if (preference != null && preference.timeZone != null) {
            ZoneId zone = parse(preference.timeZone);
            if (zone != null) {
                return zone;
            }
        }
        if (locale != null && !locale.isBlank()) {
            Locale parsed = Locale.forLanguageTag(locale.replace('_', '-'));
            String tag = parsed.getCountry().isEmpty() ? parsed.getLanguage() : parsed.getLanguage() + "-" + parsed.getCountry();
            ZoneId zone = config.timeZones().get(tag);
            if (zone == null) {
                zone = config.timeZones().get(parsed.getLanguage());
            }
            if (zone != null) {
                return zone;
            }
        }
        return config.defaultTimeZone();
    }

    static ZoneId parse(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}

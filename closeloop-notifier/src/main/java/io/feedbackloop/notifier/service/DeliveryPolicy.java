package io.feedbackloop.notifier.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.model.QuietHours;
import io.feedbackloop.notifier.repository.FollowUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decides, at the moment a message is due, whether it may go out now: neither the customer nor
 * anyone with the same address (the suppression list) has opted out since it was queued, it is not
 * night where they live, and they have not had too many messages.
 */
@ApplicationScoped
public class DeliveryPolicy {

    public sealed interface Decision permits Send, Wait, Suppress {
    }

    public record Send() implements Decision {
    }

    public record Wait(Instant until, String reason) implements Decision {
    }

    public record Suppress(String reason) implements Decision {
    }

    @Inject
    FollowUpConfig config;

    @Inject
    CustomerPreferences preferences;

    @Inject
    SuppressionList suppressions;

    public Decision decide(FollowUp followUp, Instant now) {
        if (!followUp.isCustomerFacing()) {
            return new Send();
        }
        String refusal = preferences.refusal(followUp.customerId, followUp.channel);
        if (refusal == null) {
            // the address may have been suppressed since the message was queued, by whoever owns it now
            refusal = suppressions.refusal(followUp.channel,
                    ChannelChooser.SMS.equals(followUp.channel) ? followUp.phone : followUp.recipient);
        }
        if (refusal != null) {
            return new Suppress(refusal);
        }
        FollowUpConfig.MessageSettings settings = config.messages().get(followUp.kind);
        if (settings.quietHours()) {
            ZoneId zone = preferences.zoneOf(followUp.customerId, followUp.locale);
            QuietHours quiet = new QuietHours(config.quietHours().start(), config.quietHours().end());
            Optional<Instant> end = quiet.endOfWindowContaining(now, zone);
            if (end.isPresent()) {
                return new Wait(end.get(), "quiet hours in " + zone + " until " + end.get().atZone(zone).toLocalTime());
            }
        }
        if (!settings.capExempt() && followUp.customerId != null) {
            // several dispatcher workers: the customer's messages are decided one at a time, so
            // that two of them cannot both be the one that reaches the cap
            FollowUp.lockCustomerForCap(followUp.customerId);
            long received = FollowUp.receivedBy(followUp.customerId, now.minus(config.cap().period()), followUp.id);
            if (received >= config.cap().maxMessages()) {
                Duration period = config.cap().period();
                String within = period.toHoursPart() == 0 && period.toMinutesPart() == 0 && period.toDays() > 0
                        ? period.toDays() + " days" : period.toString();
                return new Suppress("contact cap: the customer already received " + received + " messages within "
                        + within);
            }
        }
        return new Send();
    }
}

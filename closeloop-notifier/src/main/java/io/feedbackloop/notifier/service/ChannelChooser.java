package io.feedbackloop.notifier.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.model.CustomerContact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Picks the customer channel a message goes out on: the first in the kind's order we may and can use
 * (an address, the customer's consent, and no opt-out of that address on the suppression list).
 */
@ApplicationScoped
public class ChannelChooser {

    public static final String EMAIL = "email";
    public static final String SMS = "sms";
    public static final String WEBHOOK = "webhook";

    /** The channel, or why there is none. */
    public record Choice(String channel, String refusal) {
    }

    @Inject
    FollowUpConfig config;

    @Inject
    CustomerPreferences preferences;

    @Inject
    SuppressionList suppressions;

    public Choice choose(List<String> channels, CustomerContact customer) {
        List<String> refusals = new ArrayList<>();
        for (String channel : channels) {
            String refusal = switch (channel) {
                case EMAIL -> blank(customer.email()) ? "no email address"
                        : firstOf(preferences.refusal(customer.id(), EMAIL), () -> suppressions.refusal(EMAIL, customer.email()));
                case SMS -> blank(customer.phone()) ? "no phone number"
                        : config.sms().url().isEmpty() ? "no SMS gateway configured"
                        : firstOf(preferences.refusal(customer.id(), SMS), () -> suppressions.refusal(SMS, customer.phone()));
                default -> "unknown channel " + channel;
            };
            if (refusal == null) {
                return new Choice(channel, null);
            }
            refusals.add(refusal);
        }
        return new Choice(null, refusals.isEmpty() ? "no channel configured" : String.join("; ", refusals));
    }

    /** The customer's own refusal if any, else the suppression list's (another customer's opt-out of the same address). */
    private static String firstOf(String refusal, Supplier<String> next) {
        return refusal != null ? refusal : next.get();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

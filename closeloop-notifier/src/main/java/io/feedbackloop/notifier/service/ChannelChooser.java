package io.feedbackloop.notifier.service;

import java.util.ArrayList;
import java.util.List;

import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.model.CustomerContact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Picks the customer channel a message goes out on: the first in the kind's order we may and can use. */
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

    public Choice choose(List<String> channels, CustomerContact customer) {
        List<String> refusals = new ArrayList<>();
        for (String channel : channels) {
            String refusal = switch (channel) {
                case EMAIL -> blank(customer.email()) ? "no email address" : preferences.refusal(customer.id(), EMAIL);
                case SMS -> blank(customer.phone()) ? "no phone number"
                        : config.sms().url().isEmpty() ? "no SMS gateway configured"
                        : preferences.refusal(customer.id(), SMS);
                default -> "unknown channel " + channel;
            };
            if (refusal == null) {
                return new Choice(channel, null);
            }
            refusals.add(refusal);
        }
        return new Choice(null, refusals.isEmpty() ? "no channel configured" : String.join("; ", refusals));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

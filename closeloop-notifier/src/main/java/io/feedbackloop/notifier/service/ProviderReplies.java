package io.feedbackloop.notifier.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.feedbackloop.notifier.repository.FollowUp;

/**
 * What a provider answered, as we keep it in the message's status reason and its
 * {@code followup.failed.v1} event: without the customer's address, which SMTP servers and SMS
 * gateways like to quote ("550 5.1.1 &lt;anna@example.com&gt;: no such user"). Ops need the reply,
 * not the address; the address is on the message already and goes with the customer's erasure.
 */
final class ProviderReplies {

    static final String ADDRESS = "<recipient>";

    private ProviderReplies() {
    }

    static String withoutAddresses(String reply, FollowUp followUp) {
        if (reply == null || !followUp.isCustomerFacing()) {
            return reply;
        }
        return without(without(reply, followUp.recipient), followUp.phone);
    }

    private static String without(String text, String address) {
        if (address == null || address.isBlank()) {
            return text;
        }
        return Pattern.compile(Pattern.quote(address.trim()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text).replaceAll(Matcher.quoteReplacement(ADDRESS));
    }
}

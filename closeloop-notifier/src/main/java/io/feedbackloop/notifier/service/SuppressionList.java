package io.feedbackloop.notifier.service;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.feedbackloop.kit.privacy.Pseudonyms;
import io.feedbackloop.notifier.model.CustomerContact;
import io.feedbackloop.notifier.repository.CustomerPreference;
import io.feedbackloop.notifier.repository.DirectoryContact;
import io.feedbackloop.notifier.repository.FollowUp;
import io.feedbackloop.notifier.repository.SuppressedAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The addresses whose owners opted out, by channel. A customer's opt-out is a row of theirs and
 * goes when they are erased; the address it was given for stays on this list (as a keyed hash), so
 * the same address under a new customer id still gets nothing. Every opt-out adds the customer's
 * known addresses for the channel, an explicit opt-in removes them, and every send asks the list
 * in the transaction that queues or claims the message.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SuppressionList {

    /** Reasons kept with an entry: how the opt-out was given, never whose address it is. */
    public static final String UNSUBSCRIBE_LINK = "unsubscribe link";
    public static final String PREFERENCES_API = "preferences API";
    /** An opt-out given earlier, applied to an address we learned later or kept at the customer's erasure. */
    public static final String STANDING_OPT_OUT = "standing opt-out";

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    Clock clock;

    /** Puts every address we know of the customer on the channel on the list. */
    public void suppressKnownAddresses(String customerId, String channel, String reason) {
        SuppressedAddress.suppress(channel, hashes(knownAddresses(customerId, channel)), reason, clock.instant());
    }

    /** The customer opted in again: their addresses on the channel may be written to. */
    public void releaseKnownAddresses(String customerId, String channel) {
        SuppressedAddress.release(channel, hashes(knownAddresses(customerId, channel)));
    }

    /**
     * A customer who opted out of a channel before we knew their address there (an admin recorded it,
     * or the address changed): the address an event now brings goes on the list too.
     */
    public void suppressNewAddressesOfOptedOut(CustomerContact customer, CustomerPreference preference) {
        if (preference == null) {
            return;
        }
        if (preference.emailOptOutAt != null && !blank(customer.email())) {
            SuppressedAddress.suppress(ChannelChooser.EMAIL, hashes(List.of(customer.email())), STANDING_OPT_OUT,
                    clock.instant());
        }
        if (preference.smsOptOutAt != null && !blank(customer.phone())) {
            SuppressedAddress.suppress(ChannelChooser.SMS, hashes(List.of(customer.phone())), STANDING_OPT_OUT,
                    clock.instant());
        }
    }

    /** Null when the address may be written to on the channel, else why not (naming no address). */
    public String refusal(String channel, String address) {
        if (blank(address)) {
            return null;
        }
        SuppressedAddress entry = SuppressedAddress.of(channel, pseudonyms.addressHash(address));
        if (entry == null) {
            return null;
        }
        return "the " + ("sms".equals(channel) ? "phone number" : "email address") + " is on the suppression list ("
                + entry.reason + ", " + entry.suppressedAt.atOffset(ZoneOffset.UTC).toLocalDate() + ")";
    }

    /** Whether any address we know of the customer on the channel is on the list. */
    public boolean anyKnownAddressSuppressed(String customerId, String channel) {
        return SuppressedAddress.anyOf(channel, hashes(knownAddresses(customerId, channel)));
    }

    /** What we were given for the customer on the channel: the contact directory and the messages written to them. */
    private static Collection<String> knownAddresses(String customerId, String channel) {
        Set<String> addresses = new LinkedHashSet<>(DirectoryContact.addressesOf(customerId, channel));
        addresses.addAll(FollowUp.addressesOf(customerId, channel));
        return addresses;
    }

    private List<String> hashes(Collection<String> addresses) {
        List<String> hashes = new ArrayList<>();
        for (String address : addresses) {
            if (!blank(address)) {
                hashes.add(pseudonyms.addressHash(address));
            }
        }
        return hashes;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

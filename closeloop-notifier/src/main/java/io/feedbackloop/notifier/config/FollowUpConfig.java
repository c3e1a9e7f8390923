package io.feedbackloop.notifier.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;

/**
 * Everything an operator decides about follow-ups: which event triggers which message, on which
 * channels, how customers are protected from too many or badly timed messages, and the providers.
 */
@ConfigMapping(prefix = "followup")
public interface FollowUpConfig {

    /**
     * Which messages each event triggers: topic → comma-separated message kinds, e.g.
     * {@code followup.triggers."action.resolved.v1"=case-resolution}. An empty value sends nothing.
     */
    Map<String, String> triggers();

    /** Per message kind: channels, webhook copy, cap and quiet-hours exemptions. */
    @WithDefaults
    Map<String, MessageSettings> messages();

    /**
     * How long the thanks for a feedback waits for a case to be opened: if one is, the customer
     * gets the case acknowledgement instead of a plain thanks, never both.
     */
    @WithDefault("PT1M")
    Duration acknowledgementWait();

    /**
     * Feedback given longer ago than this (an imported export, a late replay) is not thanked:
     * a thank-you weeks later confuses more than it pleases.
     */
    @WithDefault("P3D")
    Duration acknowledgementMaxAge();

    /**
     * How long a message waits for the customer's contact ({@code customer.contact.v1}, another topic,
     * not ordered with the event that owes the message), counted from that event's time: until then
     * the event is retried; after it, the message is recorded as "no contact known" and not sent.
     */
    @WithDefault("PT10M")
    Duration contactWait();

    /**
     * Contacts observed longer ago than this leave the contact directory (the retention job). Unset:
     * kept until the customer is erased, like the messages written to them.
     */
    Optional<Duration> contactRetention();

    Dispatch dispatch();

    QuietHours quietHours();

    Cap cap();

    Consent consent();

    /** The time zone of customers who never told us theirs, by locale (e.g. {@code ru}) then this default. */
    @WithDefault("UTC")
    ZoneId defaultTimeZone();

    /** Locale (language or language-COUNTRY) → time zone, for customers without a stored time zone. */
    Map<String, ZoneId> timeZones();

    /** Where customers reach this service (unsubscribe links). */
    @WithDefault("http://localhost:8084")
    String publicUrl();

    /** Signs unsubscribe links; from the environment in every deployment (FOLLOWUP_SIGNING_SECRET). */
    String signingSecret();

    /** The public review page promoters are invited to; without it promoters get a plain thanks. */
    Optional<String> reviewUrl();

    /** The survey link, with {surveyId} and {invitationId} placeholders. */
    @WithDefault("http://localhost:8081/surveys/{surveyId}?invitation={invitationId}")
    String surveyUrl();

    Sms sms();

    Webhook webhook();

    interface MessageSettings {
        /** Customer channels in order of preference: the first with an address and consent is used. */
        @WithDefault("email,sms")
        List<String> channels();

        /** Also post the message to the outgoing webhook (CRM, chat). */
        @WithDefault("false")
        boolean webhook();

        /** Sent even when the customer reached the contact cap (answers they are waiting for). */
        @WithDefault("false")
        boolean capExempt();

        /** Waits out the customer's quiet hours. */
        @WithDefault("true")
        boolean quietHours();
    }

    interface Dispatch {
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Messages sent at once; each worker claims its own message, so none is sent twice. */
        @WithDefault("4")
        int workers();

        @WithDefault("8")
        int maxAttempts();

        @WithDefault("PT10S")
        Duration initialBackoff();

        @WithDefault("PT30M")
        Duration maxBackoff();

        @WithDefault("PT30S")
        Duration sendTimeout();

        /** How long a message may stay "sending" before it counts as interrupted and is sent again. */
        @WithDefault("PT5M")
        Duration sendingLease();
    }

    interface QuietHours {
        /** Local time in the customer's zone from which messages wait... */
        @WithDefault("21:00")
        LocalTime start();

        /** ...until this local time. */
        @WithDefault("09:00")
        LocalTime end();
    }

    interface Cap {
        /** Messages a customer receives at most within the period (exempt kinds not held back). */
        @WithDefault("4")
        int maxMessages();

        @WithDefault("P7D")
        Duration period();
    }

    interface Consent {
        /** {@code opt-out}: we may text a customer who gave a phone until they opt out; {@code opt-in}: only after they opted in. */
        @WithDefault("opt-out")
        String sms();
    }

    interface Sms {
        /** The gateway's send endpoint; without it no SMS is sent. */
        Optional<String> url();

        /** Sent as {@code Authorization: Bearer}. */
        Optional<String> apiKey();

        @WithDefault("Feedback")
        String sender();

        /** Delivery receipts from the gateway must carry it as {@code Authorization: Bearer}. */
        Optional<String> receiptToken();
    }

    interface Webhook {
        Optional<String> url();

        /** Signs every webhook body (header {@code X-Followup-Signature}). */
        Optional<String> secret();
    }
}

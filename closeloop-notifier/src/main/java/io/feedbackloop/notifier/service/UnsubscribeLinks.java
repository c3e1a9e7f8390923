package io.feedbackloop.notifier.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.feedbackloop.notifier.config.FollowUpConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Links that let a customer unsubscribe from a channel without logging in: the customer id and
 * channel, signed with HMAC-SHA256 so nobody can unsubscribe someone else by guessing ids.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    /** Whom a valid link unsubscribes, from what. */
    public record Subscription(String customerId, String channel) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Inject
    FollowUpConfig config;

    public String url(String customerId, String channel, String locale) {
        return config.publicUrl().replaceAll("/+$", "") + "/unsubscribe/" + token(customerId, channel) + "?lang=" + locale;
    }

    public String token(String customerId, String channel) {
        byte[] payload = (channel + ":" + customerId).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The text with the tokens of the customer's links (email and sms) replaced by {@code <token>}. */
    public String withoutTokens(String text, String customerId) {
        if (text == null || customerId == null) {
            return text;
        }
        return text.replace(token(customerId, ChannelChooser.EMAIL), "<token>")
                .replace(token(customerId, ChannelChooser.SMS), "<token>");
    }

    public Optional<Subscription> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                return Optional.empty();
            }
            String value = new String(payload, StandardCharsets.UTF_8);
            int colon = value.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new Subscription(value.substring(colon + 1), value.substring(0, colon)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("unsubscribe:" + config.signingSecret()).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] full = mac.doFinal(payload);
            return java.util.Arrays.copyOf(full, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.feedbackloop.kit.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keyed pseudonyms (HMAC-SHA256 with {@code privacy.pseudonym-secret}, PRIVACY_PSEUDONYM_SECRET,
 * the same in every service): stable, so an erased customer's rows still add up and every service
 * finds the same customer in its erasure ledger, and not reversible by enumeration, because a bare
 * hash of {@code c-1042} is found by hashing {@code c-1} … {@code c-99999}; without the secret an
 * HMAC is not.
 */
@ApplicationScoped
public class Pseudonyms {

    /** How every pseudonym starts, so that an erased row is told from a live one at a glance. */
    public static final String PREFIX = "erased-";

    private final byte[] secret;

    @Inject
    public Pseudonyms(PrivacyConfig config) {
        this(config.pseudonymSecret());
    }

    public Pseudonyms(String secret) {
        if (secret.length() < 16) {
            throw new IllegalStateException("privacy.pseudonym-secret (PRIVACY_PSEUDONYM_SECRET) must have 16 or more "
                    + "characters: a short secret is found by trying them all");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** What an erased customer's rows keep instead of the customer id: {@code erased-} and 32 hex digits. */
    public String customerRef(String customerId) {
        return PREFIX + HexFormat.of().formatHex(mac("customer:" + customerId), 0, 16);
    }

    /**
     * What a suppression list keeps instead of an address: the same for {@code Anna@Example.com }
     * and {@code anna@example.com}, since either reaches the same person.
     */
    public String addressHash(String address) {
        return HexFormat.of().formatHex(mac("address:" + address.trim().toLowerCase(Locale.ROOT)));
    }

    private byte[] mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

package io.feedbackloop.console.session;

import java.security.SecureRandom;
import java.util.Base64;

/** Random, unguessable identifiers (256 bits, URL-safe). */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package io.feedbackloop.action.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Passwords as the issuer keeps them: bcrypt hashes (Quarkus' Elytron), a strength rule for
 * every password a person or the configuration sets, and generated initial passwords.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    private static final Set<String> KNOWN_WEAK = Set.of("password", "passwort", "changeme", "admin", "qwerty",
            "letmein", "welcome", "123456", "secret", "feedback");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the email is unknown, so both answers take as long as a real check. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no such person, but just as slow");

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    /** @param hash null for a person without a password (never matches, takes as long as a match) */
    public static boolean matches(String password, String hash) {
        boolean matches = BcryptUtil.matches(password, hash == null ? DUMMY_HASH : hash);
        return hash != null && matches;
    }

    /**
     * Why a password is too weak, if it is: shorter than {@value #MIN_LENGTH} characters, fewer than
     * three kinds of characters (lower case, upper case, digits, others), one character repeated, or
     * built around a well-known weak word.
     */
    public static Optional<String> weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        int kinds = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 3) {
            return Optional.of("must mix at least three of: lower case, upper case, digits, other characters");
        }
        if (password.chars().distinct().count() < 5) {
            return Optional.of("must not repeat a few characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (KNOWN_WEAK.stream().anyMatch(lower::contains)) {
            return Optional.of("must not contain a well-known weak password");
        }
        return Optional.empty();
    }

    /** A strong password shown once to a new member: 120 random bits and every kind of character. */
    public static String generate() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return "Fl-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "7a";
    }
}

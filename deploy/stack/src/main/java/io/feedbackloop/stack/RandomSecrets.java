package io.feedbackloop.stack;

import java.security.SecureRandom;

/** Passwords the stack makes up for one run: random, long, and with every kind of character a strength check asks for. */
public final class RandomSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String[] CLASSES = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "-_.~"};

    private RandomSecrets() {
    }

    /** {@code length} characters, at least one of each class; no quote or backslash, so it fits in a JAAS line. */
    public static String password(int length) {
        if (length < CLASSES.length) {
            throw new IllegalArgumentException("too short: " + length);
        }
        char[] chars = new char[length];
        String all = String.join("", CLASSES);
        for (int i = 0; i < length; i++) {
            String pool = i < CLASSES.length ? CLASSES[i] : all;
            chars[i] = pool.charAt(RANDOM.nextInt(pool.length()));
        }
        // shuffle, so the guaranteed classes are not always in front
        for (int i = length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char swap = chars[i];
            chars[i] = chars[j];
            chars[j] = swap;
        }
        return new String(chars);
    }
}

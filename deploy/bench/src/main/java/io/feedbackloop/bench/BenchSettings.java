package io.feedbackloop.bench;

import java.time.Duration;

/** The benchmark's knobs: environment variables with defaults sized for a 2-core machine. */
final class BenchSettings {

    static int integer(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(integer(name, fallback));
    }

    private BenchSettings() {
    }
}

package io.feedbackloop.notifier.service;

import java.time.Duration;

/**
 * A provider did not take a message. {@code permanent}: sending the same message again cannot
 * help (refused address, bad credentials, malformed request); otherwise it is retried with backoff,
 * no sooner than {@code retryAfter} when the provider said so.
 */
public class ProviderException extends RuntimeException {

    private final boolean permanent;
    private final Duration retryAfter;

    public ProviderException(String message, boolean permanent, Duration retryAfter) {
        super(message);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    public boolean permanent() {
        return permanent;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

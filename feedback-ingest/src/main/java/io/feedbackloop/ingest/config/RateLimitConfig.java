package io.feedbackloop.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/**
 * Abuse limits of the front door, each a token bucket ({@code requests} at once, refilled evenly
 * over {@code period}); every replica counts on its own.
 */
@ConfigMapping(prefix = "rate-limits")
public interface RateLimitConfig {

    /** Requests per channel API key. */
    Limit perKey();

    /**
     * Requests per client address that a person's token does not vouch for: without credentials,
     * or with an API key (counted before the key is looked up, so guessing keys is throttled and
     * costs the database nothing).
     */
    Limit perAddress();

    /** Invitations a channel may ask for ({@code POST /api/v1/invitations}): a key is no mail cannon. */
    Limit invitationsPerChannel();

    interface Limit {
        long requests();

        Duration period();
    }
}

package io.feedbackloop.ingest.rest.security;

import io.feedbackloop.ingest.config.RateLimitConfig;
import io.feedbackloop.kit.ratelimit.RateLimiter;
import io.feedbackloop.kit.security.Caller;
import io.feedbackloop.kit.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The front door's token buckets ({@code rate-limits.*}), checked in memory before any work: per
 * client address for requests no person's token vouches for (no credentials, or an API key before
 * it is looked up, so guessing keys is throttled and never reaches the database), per API key,
 * and invitations per channel. Each check throws {@code RateLimitExceededException} (the kit
 * answers 429 with Retry-After) when a bucket is empty.
 */
@ApplicationScoped
public class AbuseLimits {

    private final RateLimiter perAddress;
    private final RateLimiter perKey;
    private final RateLimiter invitationsPerChannel;

    @Inject
    public AbuseLimits(RateLimitConfig config) {
        perAddress = new RateLimiter("requests per client address", limit(config.perAddress()));
        perKey = new RateLimiter("requests per API key", limit(config.perKey()));
        invitationsPerChannel = new RateLimiter("invitations per channel",
                limit(config.invitationsPerChannel()));
    }

    /**
     * A person's bearer token is verified without any I/O and is not counted here; people are
     * limited where they sign in.
     */
    public void admit(String clientAddress, String apiKey, String authorization) {
        if (apiKey != null && !apiKey.isBlank()) {
            perAddress.acquire(clientAddress);
            // buckets are kept by hash: no key is held in memory longer than the request
            perKey.acquire(Secrets.hash(apiKey.trim()));
        } else if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            perAddress.acquire(clientAddress);
        }
    }

    /** Administrators and the loop's own business events are not capped. */
    public void admitInvitation(Caller caller) {
        if (caller.isChannel()) {
            invitationsPerChannel.acquire(caller.channel());
        }
    }

    private static RateLimiter.Limit limit(RateLimitConfig.Limit configured) {
        return new RateLimiter.Limit(configured.requests(), configured.period());
    }
}

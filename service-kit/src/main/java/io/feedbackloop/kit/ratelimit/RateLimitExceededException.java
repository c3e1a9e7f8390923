package io.feedbackloop.kit.ratelimit;

import java.time.Duration;

/** A key went over its limit: answered 429 with {@code Retry-After} (whole seconds, at least one). */
public class RateLimitExceededException extends RuntimeException {

    private final transient RateLimiter.Limit limit;
    private final Duration retryAfter;

    public RateLimitExceededException(String limitName, RateLimiter.Limit limit, Duration retryAfter) {
        super(limitName + ": at most " + limit.requests() + " requests per " + limit.period(), null, false, false);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public RateLimiter.Limit limit() {
        return limit;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}

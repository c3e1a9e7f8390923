package io.feedbackloop.kit.ratelimit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter time = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    @Test
    void aKeyGetsItsBurstThenWaitsForTheRefill() {
        RateLimiter limiter = new RateLimiter("per-key", new RateLimiter.Limit(3, Duration.ofMinutes(1)), 10, time);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("k1");
        }
        RateLimitExceededException refused = assertThrows(RateLimitExceededException.class,
                () -> limiter.acquire("k1"));
        assertEquals(20, refused.retryAfterSeconds(), "one of three requests comes back every 20 s");
        nanos.addAndGet(Duration.ofSeconds(20).toNanos());
        assertDoesNotThrow(() -> limiter.acquire("k1"));
    }

    @Test
    void keysHaveBucketsOfTheirOwn() {
        RateLimiter limiter = new RateLimiter("per-key", new RateLimiter.Limit(1, Duration.ofHours(1)), 10, time);
        limiter.acquire("k1");
        assertThrows(RateLimitExceededException.class, () -> limiter.acquire("k1"));
        assertDoesNotThrow(() -> limiter.acquire("k2"));
    }

    @Test
    void aFloodOfNewKeysForgetsTheLeastRecentlyUsedBucketNotMemory() {
        RateLimiter limiter = new RateLimiter("per-address", new RateLimiter.Limit(1, Duration.ofHours(1)), 2, time);
        limiter.acquire("a");
        limiter.acquire("b");
        limiter.acquire("c");
        // "a" was dropped to keep two buckets: it starts afresh
        assertDoesNotThrow(() -> limiter.acquire("a"));
        assertThrows(RateLimitExceededException.class, () -> limiter.acquire("c"));
    }

    @Test
    void retryAfterIsAtLeastOneWholeSecond() {
        RateLimiter limiter = new RateLimiter("fast", new RateLimiter.Limit(1000, Duration.ofSeconds(1)), 10, time);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire("k");
        }
        assertEquals(1, assertThrows(RateLimitExceededException.class, () -> limiter.acquire("k")).retryAfterSeconds());
    }
}

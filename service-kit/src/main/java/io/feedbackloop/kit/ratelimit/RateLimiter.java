package io.feedbackloop.kit.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * A token bucket per key (an API key, a client address, an email signing in): up to
 * {@code requests} at once, refilled evenly over {@code period}. One limiter per limit; a service
 * holds it in a bean and calls {@link #acquire} before the work. Buckets live in this process
 * (each replica limits on its own): a limit is about abuse, not billing.
 *
 * <p>Keys come from outside (spoofable addresses), so the limiter keeps at most {@code maxKeys}
 * buckets and forgets the least recently used: memory stays bounded under a flood of new keys.
 */
public final class RateLimiter {

    /** How much a key may do: {@code requests} per {@code period}, all at once if it likes. */
    public record Limit(long requests, Duration period) {

        public Limit {
            if (requests < 1 || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a limit allows at least one request per positive period");
            }
        }
    }

    private static final int DEFAULT_MAX_KEYS = 100_000;

    private final String name;
    private final Limit limit;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets;

    public RateLimiter(String name, Limit limit) {
        this(name, limit, DEFAULT_MAX_KEYS, TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimiter(String name, Limit limit, int maxKeys, TimeMeter time) {
        this.name = name;
        this.limit = limit;
        this.time = time;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** @throws RateLimitExceededException when the key used up its bucket, with the time until the next request */
    public void acquire(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitExceededException(name, limit,
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket bucket(String key) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(key == null ? "" : key, ignored -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(limit.requests())
                            .refillGreedy(limit.requests(), limit.period()).build())
                    .withCustomTimePrecision(time).build());
        }
    }
}

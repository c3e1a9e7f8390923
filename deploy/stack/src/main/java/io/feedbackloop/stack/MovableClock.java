package io.feedbackloop.stack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A service's clock in tests: real time plus an offset a test moves forward, so deadlines, quiet
 * hours and escalations can be reached without waiting. A test module makes it the service's
 * clock with a one-line {@code @Alternative @Priority(1) @ApplicationScoped} subclass. Every test
 * class of an application run shares it: only move forward.
 */
public class MovableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Moves the clock to {@code moment} unless it is already past it. */
    public void advanceTo(Instant moment) {
        Duration by = Duration.between(instant(), moment);
        if (!by.isNegative()) {
            advance(by);
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

package io.feedbackloop.notifier;

import io.feedbackloop.stack.MovableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** The service's clock in tests, moved forward to reach the end of quiet hours without waiting. */
@Alternative
@Priority(1)
@ApplicationScoped
public class MutableClock extends MovableClock {
}

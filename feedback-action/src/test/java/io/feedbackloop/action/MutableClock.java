package io.feedbackloop.action;

import io.feedbackloop.stack.MovableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** The service's clock in tests, moved forward to reach SLA deadlines and escalations without waiting. */
@Alternative
@Priority(1)
@ApplicationScoped
public class MutableClock extends MovableClock {
}

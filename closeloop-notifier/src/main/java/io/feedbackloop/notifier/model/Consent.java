package io.feedbackloop.notifier.model;

import java.util.List;

/** Whether a customer may be written to on a channel, in the words ops and customers use. */
public final class Consent {

    public static final String SUBSCRIBED = "subscribed";
    public static final String UNSUBSCRIBED = "unsubscribed";
    public static final List<String> VALUES = List.of(SUBSCRIBED, UNSUBSCRIBED);

    private Consent() {
    }
}

package io.feedbackloop.ingest.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where in the customer journey the experience happened. */
public enum JourneyStage {
    AWARENESS, CONSIDERATION, PURCHASE, DELIVERY, ONBOARDING, USAGE, SUPPORT, BILLING, RENEWAL, CANCELLATION;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.feedbackloop.ingest.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The support channel a feedback came through; the wire value is the lower-case, dashed name. */
public enum Channel {
    EMAIL, WEB, IN_APP, PHONE, SMS, CHAT, IN_PERSON, SOCIAL, REVIEW_SITE, SUPPORT_TICKET;

    @JsonValue
    public String wireName() {
        return name().toLowerCase().replace('_', '-');
    }
}

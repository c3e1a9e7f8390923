package io.feedbackloop.ingest.events;

import java.time.Instant;

import io.feedbackloop.ingest.api.CustomerRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What this service reads from {@code touchpoint.completed.v1}, published by business systems
 * (a shop's back office, a support desk) when a customer completed a touchpoint; every other
 * field is ignored. The event id ({@code ce_id}) is the business event id.
 *
 * @param surveyId optional: the survey to invite to; otherwise the first survey listing the touchpoint
 */
public record TouchpointCompletedEvent(
        @NotNull @Valid CustomerRef customer,
        @NotNull @Size(max = 100) @Pattern(regexp = "^[a-z0-9][a-z0-9._-]*$") String touchpoint,
        @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$") String surveyId,
        Instant occurredAt) {

    public static final String TOPIC = "touchpoint.completed.v1";
}

package io.feedbackloop.ingest.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code survey.invited.v1} (schema: {@code /schemas/survey.invited.v1.json}): ask this
 * customer to answer this survey, on this channel. Carries the survey and the customer's contact
 * so that whoever sends the invitation never calls back into this service.
 */
public record SurveyInvitedEvent(UUID invitationId, String surveyId, String surveyName, String metric,
                                 String channel, Customer customer, String touchpoint, boolean reminder,
                                 UUID reminderOf, Instant invitedAt) {

    public static final String TOPIC = "survey.invited.v1";
    public static final String TYPE = "feedbackloop.survey.invited.v1";

    public record Customer(String id, String email, String phone, String name, String segment, String locale) {
    }
}

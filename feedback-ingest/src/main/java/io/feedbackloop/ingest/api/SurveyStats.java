package io.feedbackloop.ingest.api;

/**
 * How a survey is answered.
 *
 * @param invited      customers asked (reminders not counted)
 * @param reminders    reminders sent
 * @param skipped      invitations a rule decided against
 * @param answered     invitations answered by at least one feedback (an answer to a reminder counts for
 *                     its original invitation)
 * @param responseRate answered / invited; null while nobody was invited
 */
public record SurveyStats(String surveyId, long invited, long reminders, long skipped, long answered,
                          Double responseRate) {
}

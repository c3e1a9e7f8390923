package io.feedbackloop.ingest.mapping;

import io.feedbackloop.ingest.api.CustomerRef;
import io.feedbackloop.ingest.api.InvitationView;
import io.feedbackloop.ingest.events.SurveyInvitedEvent;
import io.feedbackloop.ingest.repository.Feedback;
import io.feedbackloop.ingest.repository.Invitation;
import io.feedbackloop.ingest.repository.Survey;
import io.feedbackloop.ingest.service.InvitationWithAnswer;

/** Invitations as the API shows them and as {@code survey.invited.v1} carries them. */
public final class InvitationMapper {

    private InvitationMapper() {
    }

    public static InvitationView toView(InvitationWithAnswer invitation) {
        Invitation i = invitation.invitation();
        Feedback answer = invitation.answer();
        return new InvitationView(i.id, i.surveyId, i.status, i.reason,
                new CustomerRef(i.customerId, i.customerEmail, i.customerPhone, i.customerName, i.customerSegment,
                        i.customerLocale),
                i.touchpoint, i.isReminder(), i.reminderOf, i.eventId, i.createdAt, i.lastInvitedAt,
                answer == null ? null : answer.respondedAt, answer == null ? null : answer.id);
    }

    public static SurveyInvitedEvent toInvitedEvent(Invitation i, Survey survey) {
        return new SurveyInvitedEvent(i.id, survey.id, survey.name, survey.metric, survey.channel,
                new SurveyInvitedEvent.Customer(i.customerId, i.customerEmail, i.customerPhone, i.customerName,
                        i.customerSegment, i.customerLocale),
                i.touchpoint, i.isReminder(), i.reminderOf, i.createdAt);
    }
}

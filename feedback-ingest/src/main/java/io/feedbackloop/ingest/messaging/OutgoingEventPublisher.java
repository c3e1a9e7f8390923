package io.feedbackloop.ingest.messaging;

import java.util.List;

import io.feedbackloop.ingest.events.CustomerContactEvent;
import io.feedbackloop.ingest.events.FeedbackCommentedEvent;
import io.feedbackloop.ingest.events.FeedbackReceivedEvent;
import io.feedbackloop.ingest.events.SurveyInvitedEvent;
import io.feedbackloop.ingest.mapping.FeedbackMapper;
import io.feedbackloop.ingest.mapping.InvitationMapper;
import io.feedbackloop.ingest.repository.Feedback;
import io.feedbackloop.ingest.repository.FeedbackScore;
import io.feedbackloop.ingest.repository.Invitation;
import io.feedbackloop.ingest.repository.Survey;
import io.feedbackloop.ingest.service.OutgoingEvents;
import io.feedbackloop.kit.messaging.EventOutbox;
import io.feedbackloop.kit.privacy.CustomerErasure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes this service's events to the outbox, in the transaction of the change they report. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutgoingEventPublisher implements OutgoingEvents {

    @Inject
    EventOutbox outbox;

    @Inject
    FeedbackMapper feedbackMapper;

    /**
     * The contact goes first, keyed by the customer id, so that it is on its way to the notifier
     * before anything the feedback leads to; the feedback itself carries no contact.
     */
    @Override
    public void feedbackReceived(Feedback feedback, List<FeedbackScore> scores) {
        outbox.publish(CustomerContactEvent.TOPIC, CustomerContactEvent.TYPE, feedback.customerId,
                FeedbackMapper.toContactEvent(feedback));
        outbox.publish(FeedbackReceivedEvent.TOPIC, FeedbackReceivedEvent.TYPE, feedback.id.toString(),
                feedbackMapper.toReceivedEvent(feedback, scores));
    }

    @Override
    public void feedbackCommented(Feedback feedback) {
        outbox.publish(FeedbackCommentedEvent.TOPIC, FeedbackCommentedEvent.TYPE, feedback.id.toString(),
                FeedbackMapper.toCommentedEvent(feedback));
    }

    @Override
    public void surveyInvited(Invitation invitation, Survey survey) {
        outbox.publish(SurveyInvitedEvent.TOPIC, SurveyInvitedEvent.TYPE, invitation.id.toString(),
                InvitationMapper.toInvitedEvent(invitation, survey));
    }

    @Override
    public void customerErased(CustomerErasure.Requested request) {
        outbox.publish(CustomerErasure.REQUESTED_TOPIC, CustomerErasure.REQUESTED_TYPE, request.erasureId().toString(),
                request);
    }
}

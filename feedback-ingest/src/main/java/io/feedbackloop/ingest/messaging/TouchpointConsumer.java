package io.feedbackloop.ingest.messaging;

import java.util.Optional;

import io.feedbackloop.ingest.events.TouchpointCompletedEvent;
import io.feedbackloop.ingest.mapping.CustomerMapper;
import io.feedbackloop.ingest.repository.Invitation;
import io.feedbackloop.ingest.repository.Survey;
import io.feedbackloop.ingest.service.InvitationService;
import io.feedbackloop.kit.messaging.IdempotentConsumer;
import io.feedbackloop.kit.messaging.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns business events into survey invitations, under the same contact-frequency rules as
 * {@code POST /api/v1/invitations}. The event id is the invitation's business event id, so a
 * redelivered or resent event never invites twice.
 */
@ApplicationScoped
public class TouchpointConsumer {

    private static final Logger LOG = Logger.getLogger(TouchpointConsumer.class);
    private static final String CONSUMER = "survey-invitations";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    InvitationService invitations;

    @Incoming("touchpoint-completed")
    public void completed(ConsumerRecord<String, String> record) {
        consumer.consume(record, TouchpointCompletedEvent.class, CONSUMER, event -> {
            TouchpointCompletedEvent data = event.data();
            Optional<Survey> survey = invitations.surveyFor(data.surveyId(), data.touchpoint());
            if (survey.isEmpty()) {
                if (data.surveyId() != null) {
                    // a producer's mistake no retry can mend: park it where ops can see and replay it
                    throw new PoisonEventException("event " + event.id() + " names unknown survey " + data.surveyId());
                }
                // most touchpoints are not surveyed; that is not an error
                LOG.debugf("no survey asks about touchpoint %s; event %s ignored", data.touchpoint(), event.id());
                return;
            }
            Invitation invitation = invitations.inviteOnEvent(survey.get(), CustomerMapper.toContact(data.customer()),
                    data.touchpoint(), event.id());
            LOG.debugf("event %s: invitation %s to survey %s is %s", event.id(), invitation.id, invitation.surveyId,
                    invitation.status);
        });
    }
}

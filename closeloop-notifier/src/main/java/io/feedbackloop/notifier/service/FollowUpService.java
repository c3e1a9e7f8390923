package io.feedbackloop.notifier.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.kit.messaging.EventOutbox;
import io.feedbackloop.notifier.mapping.FollowUpMapper;
import io.feedbackloop.notifier.messaging.FollowUpFailedEvent;
import io.feedbackloop.notifier.messaging.OpenedAction;
import io.feedbackloop.notifier.repository.FollowUp;
import io.feedbackloop.notifier.rest.FollowUpView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Decides which messages a customer is owed and queues each exactly once. */
@ApplicationScoped
@Transactional
public class FollowUpService {

    public static final String CASE_ACKNOWLEDGEMENT = "case-acknowledgement";

    @Inject
    FollowUpDispatcher dispatcher;

    @Inject
    EventOutbox outbox;

    /** A case was opened for the customer's feedback: tell them we heard them and when we will answer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueCaseAcknowledgement(OpenedAction action) {
        if (FollowUp.exists(action.feedbackId(), CASE_ACKNOWLEDGEMENT)) {
            return;
        }
        Instant now = Instant.now();
        FollowUp followUp = new FollowUp();
        followUp.id = UUID.randomUUID();
        followUp.feedbackId = action.feedbackId();
        followUp.caseId = action.caseId();
        followUp.kind = CASE_ACKNOWLEDGEMENT;
        followUp.channel = "email";
        followUp.recipient = action.customer().email();
        followUp.customerName = action.customer().name();
        followUp.locale = MessageLocale.of(action.customer().locale());
        followUp.quote = action.text();
        followUp.ownerTeam = action.ownerTeam();
        followUp.respondBy = action.firstResponseDueAt();
        followUp.nextAttemptAt = now;
        followUp.createdAt = now;
        if (followUp.recipient == null || followUp.recipient.isBlank()) {
            suppress(followUp, "customer has no email address");
            return;
        }
        followUp.status = FollowUp.QUEUED;
        followUp.persist();
        dispatcher.wakeUpAfterCommit();
    }

    /** Records why nothing was sent and tells the loop, so the feedback does not wait forever. */
    private void suppress(FollowUp followUp, String reason) {
        followUp.status = FollowUp.SUPPRESSED;
        followUp.lastError = reason;
        followUp.persist();
        outbox.publish(FollowUpFailedEvent.TOPIC, FollowUpFailedEvent.TYPE, followUp.feedbackId.toString(),
                new FollowUpFailedEvent(followUp.id, followUp.feedbackId, followUp.caseId, followUp.kind,
                        followUp.channel, followUp.createdAt, 0, reason));
    }

    public List<FollowUpView> forFeedback(UUID feedbackId) {
        return FollowUp.forFeedback(feedbackId).stream().map(FollowUpMapper::toView).toList();
    }
}

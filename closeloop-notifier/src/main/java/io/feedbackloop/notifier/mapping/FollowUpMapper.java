package io.feedbackloop.notifier.mapping;

import java.util.UUID;

import io.feedbackloop.notifier.api.FollowUpPreview;
import io.feedbackloop.notifier.api.FollowUpView;
import io.feedbackloop.notifier.events.FollowUpFailedEvent;
import io.feedbackloop.notifier.events.FollowUpSentEvent;
import io.feedbackloop.notifier.model.MessageKind;
import io.feedbackloop.notifier.repository.FollowUp;
import io.feedbackloop.notifier.service.MessagePreviews;

/** A message as the API shows it and as {@code followup.sent.v1} / {@code followup.failed.v1} report it. */
public final class FollowUpMapper {

    private FollowUpMapper() {
    }

    public static FollowUpView toView(FollowUp f) {
        return new FollowUpView(f.id, f.idempotencyKey, f.feedbackId, f.caseId, f.referenceId, f.triggerEvent, f.kind,
                f.channel, f.customerId, f.locale, f.status, f.statusReason, f.attempts, f.createdAt,
                FollowUp.QUEUED.equals(f.status) ? f.nextAttemptAt : null, f.sentAt, f.deliveredAt, f.failedAt,
                f.providerMessageId, f.subject, f.body, f.details);
    }

    /**
     * A message as an agent reads it: {@code body} as {@code FollowUpService.bodyForAgent} gives it, and
     * no provider message id (a gateway's may contain the phone number).
     */
    public static FollowUpView toAgentView(FollowUp f, String body) {
        return new FollowUpView(f.id, f.idempotencyKey, f.feedbackId, f.caseId, f.referenceId, f.triggerEvent, f.kind,
                f.channel, f.customerId, f.locale, f.status, f.statusReason, f.attempts, f.createdAt,
                FollowUp.QUEUED.equals(f.status) ? f.nextAttemptAt : null, f.sentAt, f.deliveredAt, f.failedAt,
                null, f.subject, body, f.details);
    }

    public static FollowUpPreview toPreview(MessagePreviews.CustomerPreview p) {
        return new FollowUpPreview(p.message().locale(), p.channel(), p.message().subject(), p.message().text(),
                p.message().html(), p.contactKnown(), p.suppressedReason());
    }

    public static FollowUpSentEvent toSentEvent(FollowUp f) {
        return new FollowUpSentEvent(f.id, f.feedbackId, f.caseId, invitationId(f), f.kind, f.channel, f.sentAt);
    }

    public static FollowUpFailedEvent toFailedEvent(FollowUp f, String outcome) {
        return new FollowUpFailedEvent(f.id, f.feedbackId, f.caseId, invitationId(f), f.kind, f.channel, outcome,
                f.failedAt, f.attempts, f.statusReason);
    }

    private static UUID invitationId(FollowUp f) {
        return MessageKind.SURVEY_INVITATION.id().equals(f.kind) ? f.referenceId : null;
    }
}

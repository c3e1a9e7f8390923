package io.feedbackloop.notifier.mapping;

import io.feedbackloop.notifier.repository.FollowUp;
import io.feedbackloop.notifier.rest.FollowUpView;

public final class FollowUpMapper {

    private FollowUpMapper() {
    }

    public static FollowUpView toView(FollowUp f) {
        return new FollowUpView(f.id, f.idempotencyKey, f.feedbackId, f.caseId, f.referenceId, f.triggerEvent, f.kind,
                f.channel, f.customerId, f.locale, f.status, f.statusReason, f.attempts, f.createdAt,
                FollowUp.QUEUED.equals(f.status) ? f.nextAttemptAt : null, f.sentAt, f.deliveredAt, f.failedAt,
                f.providerMessageId, f.subject, f.body, f.details);
    }
}

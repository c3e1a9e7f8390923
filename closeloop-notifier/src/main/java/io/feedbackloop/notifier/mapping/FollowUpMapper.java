package io.feedbackloop.notifier.mapping;

import io.feedbackloop.notifier.repository.FollowUp;
import io.feedbackloop.notifier.rest.FollowUpView;

public final class FollowUpMapper {

    private FollowUpMapper() {
    }

    public static FollowUpView toView(FollowUp f) {
        return new FollowUpView(f.id, f.feedbackId, f.caseId, f.kind, f.channel, f.locale, f.status, f.attempts,
                f.createdAt, f.sentAt, FollowUp.QUEUED.equals(f.status) ? f.nextAttemptAt : null, f.lastError);
    }
}

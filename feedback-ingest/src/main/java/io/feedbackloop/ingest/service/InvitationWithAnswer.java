package io.feedbackloop.ingest.service;

import io.feedbackloop.ingest.repository.Feedback;
import io.feedbackloop.ingest.repository.Invitation;

/** An invitation and the first feedback answering it or one of its reminders; {@code answer} is null until then. */
public record InvitationWithAnswer(Invitation invitation, Feedback answer) {
}

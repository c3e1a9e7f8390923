package io.feedbackloop.ingest.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a feedback is in the loop, and nothing else: no customer, no scores, no text. What a
 * person who works the feedback's case (an agent, a lead) may see of it here.
 *
 * @param stage the furthest stage reached: received, categorized, action_opened, followed_up,
 *              follow_up_failed, action_resolved
 * @param steps every step, oldest first, with what the service that reported it said (an NPS
 *              class, a case and channel, why a follow-up failed)
 */
@Schema(description = "Where a feedback is in the loop: its stage and the steps so far, without the feedback or its customer")
public record LoopView(@Schema(examples = "followed_up") String stage, List<FeedbackView.Step> steps,
                       Instant receivedAt) {
}

package io.feedbackloop.notifier.model;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A message an event asks for, before a channel is chosen.
 *
 * @param idempotencyKey one message per key, however often the event arrives
 * @param channel        the one channel it must go out on, or null to choose by the kind's preference
 * @param dueAt          not before this moment
 */
public record MessageRequest(MessageKind kind, String idempotencyKey, UUID feedbackId, UUID caseId, UUID referenceId,
                             CustomerContact customer, String locale, String quote, String ownerTeam, Instant respondBy,
                             Map<String, String> details, String channel, Instant dueAt) {

    /** The same message to the customer as now known; their language unless the request already chose one. */
    public MessageRequest to(CustomerContact reached) {
        return new MessageRequest(kind, idempotencyKey, feedbackId, caseId, referenceId, reached,
                locale == null || locale.isBlank() ? reached.locale() : locale, quote, ownerTeam, respondBy, details,
                channel, dueAt);
    }
}

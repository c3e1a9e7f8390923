package io.feedbackloop.ingest.model;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A feedback as a channel hands it in, before it is stored.
 *
 * @param scores      one value per metric, the NPS shorthand included
 * @param respondedAt when the customer answered; null means now
 */
public record NewFeedback(CustomerContact customer, Channel channel, Map<Metric, Integer> scores, String text,
                          String language, String touchpoint, JourneyStage journeyStage, String externalId,
                          UUID invitationId, Instant respondedAt, Map<String, Object> metadata) {
}

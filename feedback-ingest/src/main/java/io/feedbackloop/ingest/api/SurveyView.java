package io.feedbackloop.ingest.api;

import java.time.Instant;
import java.util.List;

/** A survey as stored; {@code contactFrequencyDays} null means the global rule applies. */
public record SurveyView(String id, String name, String metric, String channel, List<String> touchpoints,
                         Integer contactFrequencyDays, Instant createdAt) {
}

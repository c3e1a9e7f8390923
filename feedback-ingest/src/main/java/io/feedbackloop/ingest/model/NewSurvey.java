package io.feedbackloop.ingest.model;

import java.util.List;

/** What an admin defines a survey as; {@code contactFrequencyDays} null leaves the global rule in force. */
public record NewSurvey(String id, String name, Metric metric, Channel channel, List<String> touchpoints,
                        Integer contactFrequencyDays) {
}

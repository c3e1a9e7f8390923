package io.feedbackloop.categorize.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How replays of stored feedback run. */
@ConfigMapping(prefix = "recategorization")
public interface RecategorizationConfig {

    /**
     * Feedback re-categorized per transaction: each batch commits its changes, their events and
     * the job's progress together, so a crash repeats at most one batch.
     */
    @WithDefault("200")
    int batchSize();
}

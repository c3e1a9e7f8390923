package io.feedbackloop.kit.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code consumer.*}: how consumed events are retried and how long their ids are remembered. */
@ConfigMapping(prefix = "consumer")
public interface ConsumerConfig {

    Retry retry();

    /** Longer than the topics keep records (7 days), so a redelivery is still recognised. */
    @WithDefault("P14D")
    Duration processedRetention();

    interface Retry {

        /** Attempts before an event that keeps failing (not transiently) goes to the dead-letter topic. */
        @WithDefault("10")
        int attempts();

        /** The first wait between attempts; it doubles up to five seconds. */
        @WithDefault("PT0.2S")
        Duration initialBackoff();
    }
}

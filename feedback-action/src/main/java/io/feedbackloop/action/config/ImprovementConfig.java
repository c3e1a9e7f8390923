package io.feedbackloop.action.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How improvement actions are announced to their customers ({@code improvement.*}). */
@ConfigMapping(prefix = "improvement")
public interface ImprovementConfig {

    FanOut fanOut();

    interface FanOut {

        @WithDefault("true")
        boolean enabled();

        /** The pace of the fan-out: one batch per action every interval. */
        @WithDefault("PT10S")
        Duration interval();

        /** Customers told per action and tick once released. */
        @WithDefault("500")
        int batchSize();
    }
}

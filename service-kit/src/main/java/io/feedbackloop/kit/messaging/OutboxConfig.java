package io.feedbackloop.kit.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code outbox.*}: how the outbox is relayed to Kafka and how long sent events are kept. */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    Relay relay();

    /** Sent events (which hold personal data) are kept this long, for debugging, then deleted. */
    @WithDefault("P1D")
    Duration retention();

    interface Relay {

        /** Off in a replica that must not publish (the events wait in the table). */
        @WithDefault("true")
        boolean enabled();

        /** Events sent per transaction. */
        @WithDefault("500")
        int batchSize();

        /** How long the relay waits for new events when nobody woke it up. */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        /** How long Kafka has to acknowledge a batch before the batch is given up and sent again later. */
        @WithDefault("PT20S")
        Duration sendTimeout();
    }
}

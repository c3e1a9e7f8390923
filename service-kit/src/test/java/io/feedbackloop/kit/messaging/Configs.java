package io.feedbackloop.kit.messaging;

import java.time.Duration;

/** The kit's configuration with the values a test chooses (the rest as in production). */
final class Configs {

    private Configs() {
    }

    static OutboxConfig outbox(boolean enabled, int batchSize, Duration pollInterval) {
        OutboxConfig.Relay relay = new OutboxConfig.Relay() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int batchSize() {
                return batchSize;
            }

            @Override
            public Duration pollInterval() {
                return pollInterval;
            }

            @Override
            public Duration sendTimeout() {
                return Duration.ofSeconds(10);
            }
        };
        return new OutboxConfig() {
            @Override
            public Relay relay() {
                return relay;
            }

            @Override
            public Duration retention() {
                return Duration.ofDays(1);
            }
        };
    }

    static ConsumerConfig consumer(int attempts) {
        ConsumerConfig.Retry retry = new ConsumerConfig.Retry() {
            @Override
            public int attempts() {
                return attempts;
            }

            @Override
            public Duration initialBackoff() {
                return Duration.ofMillis(1);
            }
        };
        return new ConsumerConfig() {
            @Override
            public Retry retry() {
                return retry;
            }

            @Override
            public Duration processedRetention() {
                return Duration.ofDays(14);
            }
        };
    }
}

package io.feedbackloop.kit.tracing;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** {@code tracing.*}: where trace spans go. */
@ConfigMapping(prefix = "tracing")
public interface TracingConfig {

    /** An OTLP/gRPC collector ({@code TRACING_OTLP_ENDPOINT}); unset: spans only link the events. */
    Optional<String> otlpEndpoint();
}

package io.feedbackloop.kit.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OpenTelemetry traces that follow one feedback through the four services: every event carries
 * a W3C {@code traceparent} header (written by the outbox relay), every consumer continues that
 * trace in a span around its effect, and every event published inside the effect is a child of
 * it, so one trace holds received → categorized → case → follow-up. Spans go to an OTLP collector
 * when {@code tracing.otlp-endpoint} (TRACING_OTLP_ENDPOINT) is set; otherwise they only link the
 * events. (The Quarkus OpenTelemetry extension is not in the registry reachable here for this
 * Quarkus version, so the SDK is wired by hand.)
 */
@ApplicationScoped
public class EventTracing {

    public static final String TRACEPARENT = "traceparent";
    private static final AttributeKey<String> TOPIC = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("messaging.consumer.group.name");

    private static final TextMapGetter<ConsumerRecord<?, ?>> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<?, ?> record) {
            return () -> java.util.Arrays.stream(record.headers().toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(ConsumerRecord<?, ?> record, String key) {
            Header header = record == null ? null : record.headers().lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    // quarkus.* belongs to Quarkus: a mapping of that prefix is not ours to declare
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Inject
    TracingConfig config;

    private volatile OpenTelemetrySdk sdk;
    private volatile Tracer tracer;

    private Tracer tracer() {
        Tracer current = tracer;
        if (current == null) {
            synchronized (this) {
                if (tracer == null) {
                    SdkTracerProviderBuilder provider = SdkTracerProvider.builder()
                            .setResource(Resource.getDefault().merge(Resource.create(
                                    Attributes.of(AttributeKey.stringKey("service.name"), service))));
                    config.otlpEndpoint().filter(e -> !e.isBlank()).ifPresent(endpoint -> provider.addSpanProcessor(
                            BatchSpanProcessor.builder(OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).build()).build()));
                    sdk = OpenTelemetrySdk.builder().setTracerProvider(provider.build()).build();
                    tracer = sdk.getTracer("io.feedbackloop");
                }
                current = tracer;
            }
        }
        return current;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (sdk != null) {
            sdk.close();
        }
    }

    /** Runs a consumer's work in a span that continues the trace of the record it handles. */
    public <T> T inConsumerSpan(ConsumerRecord<?, ?> record, String consumer, Supplier<T> work) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), record, KAFKA_HEADERS);
        Span span = tracer().spanBuilder(record.topic() + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute(TOPIC, record.topic()).setAttribute(CONSUMER, consumer).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** The trace context in progress (to continue it later, e.g. when a queued message is sent), or null. */
    public String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Runs work in a span that continues a trace saved earlier ({@code traceparent} may be null: a new trace). */
    public void continueTrace(String traceparent, String name, Runnable work) {
        Context parent = traceparent == null ? Context.root() : W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP_GETTER);
        Span span = tracer().spanBuilder(name).setParent(parent).setSpanKind(SpanKind.INTERNAL).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } finally {
            span.end();
        }
    }

    /**
     * The {@code traceparent} of an event being published now: a producer span, child of the span
     * in progress (the consumer that reacts to an earlier event), or the start of a new trace.
     */
    public String traceparentForNewEvent(String topic) {
        Span span = tracer().spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER)
                .setAttribute(TOPIC, topic).startSpan();
        try {
            Map<String, String> carrier = new HashMap<>();
            W3CTraceContextPropagator.getInstance().inject(Context.current().with(span), carrier, Map::put);
            return carrier.get(TRACEPARENT);
        } finally {
            span.end();
        }
    }
}

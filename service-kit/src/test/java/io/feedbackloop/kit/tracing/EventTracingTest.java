package io.feedbackloop.kit.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventTracingTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String INCOMING = "00-" + TRACE + "-b7ad6b7169203331-01";

    private final EventTracing tracing = tracing();

    @AfterEach
    void closeSdk() {
        tracing.stop(null);
    }

    @Test
    void anEventPublishedWhileConsumingContinuesTheTraceOfTheEventConsumed() {
        AtomicReference<String> published = new AtomicReference<>();

        tracing.inConsumerSpan(record(INCOMING), "case-router", () -> {
            published.set(tracing.traceparentForNewEvent("case.opened.v1"));
            return null;
        });

        assertEquals(TRACE, traceId(published.get()));
        assertNotEquals(INCOMING, published.get(), "a new span of the same trace");
    }

    @Test
    void anEventPublishedOutsideAnyTraceStartsOne() {
        String traceparent = tracing.traceparentForNewEvent("feedback.received.v1");

        assertTrue(traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"), traceparent);
        assertNull(tracing.currentTraceparent(), "nothing in progress afterwards");
    }

    @Test
    void aSavedTraceIsContinuedLater() {
        AtomicReference<String> current = new AtomicReference<>();

        tracing.continueTrace(INCOMING, "followup send", () -> current.set(tracing.currentTraceparent()));

        assertEquals(TRACE, traceId(current.get()));
    }

    @Test
    void aRecordWithoutTraceIsConsumedInANewTrace() {
        AtomicReference<String> current = new AtomicReference<>();

        tracing.inConsumerSpan(new ConsumerRecord<>("t", 0, 0L, "k", "v"), "c", () -> {
            current.set(tracing.currentTraceparent());
            return null;
        });

        assertTrue(current.get() != null && !TRACE.equals(traceId(current.get())));
    }

    private static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static ConsumerRecord<String, String> record(String traceparent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("feedback.categorized.v1", 0, 0L, "f-1", "{}");
        record.headers().add(EventTracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static EventTracing tracing() {
        EventTracing tracing = new EventTracing();
        tracing.service = "feedback-action";
        tracing.config = Optional::empty;
        return tracing;
    }
}

package io.feedbackloop.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    /** Names of the CloudEvents 1.0 Kafka protocol binding: consumers in every service and tools filter on them. */
    @Test
    void theHeaderNamesAreThoseOfTheCloudEventsKafkaBinding() {
        assertEquals(List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "content-type"),
                List.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID, CloudEventHeaders.TYPE,
                        CloudEventHeaders.SOURCE, CloudEventHeaders.SUBJECT, CloudEventHeaders.TIME,
                        CloudEventHeaders.CONTENT_TYPE));
        assertEquals("1.0", CloudEventHeaders.SPEC_VERSION_1_0);
    }
}

package io.feedbackloop.kit.messaging;

import java.time.Instant;

/**
 * A consumed event: its CloudEvents attributes and its data, read into the consumer's own DTO.
 *
 * @param id      {@code ce_id}, the key of idempotent consumption
 * @param type    {@code ce_type}
 * @param key     the Kafka record key (the feedback id)
 * @param time    {@code ce_time}, when the producer committed the event (null if absent)
 * @param data    the JSON value read into the consumer's DTO
 */
public record IncomingEvent<T>(String id, String type, String key, Instant time, T data) {
}

-- Transactional outbox: written in the same transaction as the business row, relayed to Kafka
-- by OutboxRelay. Rows stay after sending (sent_at set) until the retention clean-up removes them.
CREATE TABLE outbox_event (
    sequence    BIGSERIAL PRIMARY KEY,
    event_id    UUID         NOT NULL UNIQUE,
    topic       VARCHAR(200) NOT NULL,
    event_type  VARCHAR(200) NOT NULL,
    record_key  VARCHAR(200) NOT NULL,
    subject     VARCHAR(200),
    payload     TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    sent_at     TIMESTAMPTZ
);
CREATE INDEX outbox_event_unsent ON outbox_event (sequence) WHERE sent_at IS NULL;

-- Idempotent consumption: the id of every event whose effect was committed, written in the
-- same transaction as that effect, so a redelivered event changes nothing.
CREATE TABLE processed_event (
    event_id     VARCHAR(200) NOT NULL,
    consumer     VARCHAR(100) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

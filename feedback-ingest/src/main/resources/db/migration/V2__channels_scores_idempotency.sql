-- API keys of support channels. Only a SHA-256 hash of each key is stored: the key is shown once,
-- when it is created. A revoked key (revoked_at set) stops working on the next request.
CREATE TABLE api_key (
    id          UUID         PRIMARY KEY,
    channel     VARCHAR(30)  NOT NULL,
    key_hash    CHAR(64)     NOT NULL UNIQUE,
    key_prefix  VARCHAR(12)  NOT NULL,
    label       VARCHAR(100),
    created_at  TIMESTAMPTZ  NOT NULL,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX api_key_channel ON api_key (channel);

-- Richer feedback: where it happened, who the customer is, and scores on explicit scales.
ALTER TABLE feedback ALTER COLUMN customer_email DROP NOT NULL;
ALTER TABLE feedback
    ADD COLUMN customer_phone   VARCHAR(20),
    ADD COLUMN customer_segment VARCHAR(50),
    ADD COLUMN language         VARCHAR(10),
    ADD COLUMN touchpoint       VARCHAR(100),
    ADD COLUMN journey_stage    VARCHAR(30),
    ADD COLUMN external_id      VARCHAR(100),
    ADD COLUMN invitation_id    UUID,
    ADD COLUMN responded_at     TIMESTAMPTZ,
    ADD COLUMN commented_at     TIMESTAMPTZ,
    ADD COLUMN metadata         TEXT;
CREATE INDEX feedback_received ON feedback (received_at DESC, id DESC);
CREATE INDEX feedback_channel_received ON feedback (channel, received_at DESC, id DESC);
CREATE INDEX feedback_touchpoint ON feedback (touchpoint);

CREATE TABLE feedback_score (
    feedback_id UUID        NOT NULL REFERENCES feedback (id),
    metric      VARCHAR(10) NOT NULL,
    value       SMALLINT    NOT NULL,
    scale_min   SMALLINT    NOT NULL,
    scale_max   SMALLINT    NOT NULL,
    PRIMARY KEY (feedback_id, metric),
    CHECK (value BETWEEN scale_min AND scale_max)
);

-- Safe retries: one feedback per (channel, idempotency key); the first answer is replayed.
CREATE TABLE idempotency_record (
    channel         VARCHAR(30)  NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    feedback_id     UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (channel, idempotency_key)
);

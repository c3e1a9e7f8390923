-- One row per piece of feedback accepted from a support channel.
CREATE TABLE feedback (
    id              UUID         PRIMARY KEY,
    customer_id     VARCHAR(100) NOT NULL,
    customer_email  VARCHAR(254) NOT NULL,
    customer_name   VARCHAR(200),
    customer_locale VARCHAR(10),
    channel         VARCHAR(30)  NOT NULL,
    nps_score       SMALLINT CHECK (nps_score BETWEEN 0 AND 10),
    text            TEXT,
    received_at     TIMESTAMPTZ  NOT NULL,
    loop_stage      VARCHAR(30)  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX feedback_customer ON feedback (customer_id);

-- Where in the loop each feedback is, learned from the other services' events.
CREATE TABLE loop_step (
    id          BIGSERIAL    PRIMARY KEY,
    feedback_id UUID         NOT NULL REFERENCES feedback (id),
    stage       VARCHAR(30)  NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    detail      VARCHAR(500),
    event_id    VARCHAR(200) NOT NULL UNIQUE
);
CREATE INDEX loop_step_feedback ON loop_step (feedback_id, occurred_at);

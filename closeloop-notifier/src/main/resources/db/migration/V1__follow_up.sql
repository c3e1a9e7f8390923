-- Every message owed to a customer, from queued to sent (or failed). (feedback_id, kind) is
-- unique: a customer never gets the same message twice, however often the event arrives.
CREATE TABLE follow_up (
    id               UUID         PRIMARY KEY,
    feedback_id      UUID         NOT NULL,
    case_id          UUID,
    kind             VARCHAR(40)  NOT NULL,
    channel          VARCHAR(20)  NOT NULL,
    recipient        VARCHAR(254) NOT NULL,
    customer_name    VARCHAR(200),
    locale           VARCHAR(10)  NOT NULL,
    quote            TEXT,
    owner_team       VARCHAR(100),
    respond_by       TIMESTAMPTZ,
    status           VARCHAR(20)  NOT NULL,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    last_error       VARCHAR(1000),
    created_at       TIMESTAMPTZ  NOT NULL,
    sent_at          TIMESTAMPTZ,
    UNIQUE (feedback_id, kind)
);
CREATE INDEX follow_up_due ON follow_up (next_attempt_at) WHERE status = 'queued';

-- A case: work with an owner and a deadline, opened for a feedback that needs a person.
-- feedback_id is unique: one feedback never opens two cases, however often its event arrives.
CREATE TABLE support_case (
    id                     UUID         PRIMARY KEY,
    feedback_id            UUID         NOT NULL UNIQUE,
    status                 VARCHAR(20)  NOT NULL,
    priority               VARCHAR(20)  NOT NULL,
    reason                 VARCHAR(100) NOT NULL,
    owner_team             VARCHAR(100) NOT NULL,
    channel                VARCHAR(30),
    customer_id            VARCHAR(100) NOT NULL,
    customer_email         VARCHAR(254) NOT NULL,
    customer_name          VARCHAR(200),
    customer_locale        VARCHAR(10),
    nps_score              SMALLINT,
    text                   TEXT,
    opened_at              TIMESTAMPTZ  NOT NULL,
    first_response_due_at  TIMESTAMPTZ  NOT NULL,
    first_response_at      TIMESTAMPTZ,
    updated_at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX support_case_open ON support_case (status, first_response_due_at);

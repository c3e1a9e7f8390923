-- Asking: the surveys we send, and every decision to invite (or not) a customer to one.
CREATE TABLE survey (
    id                     VARCHAR(63)  PRIMARY KEY,
    name                   VARCHAR(200) NOT NULL,
    metric                 VARCHAR(10)  NOT NULL,
    channel                VARCHAR(30)  NOT NULL,
    -- business events of these touchpoints pick this survey (first created wins)
    touchpoints            TEXT[]       NOT NULL DEFAULT '{}',
    -- null: the global rule (ingest.contact-frequency-days) applies
    contact_frequency_days SMALLINT CHECK (contact_frequency_days BETWEEN 0 AND 365),
    created_at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX survey_touchpoints ON survey USING GIN (touchpoints);

-- One row per decision, skipped ones included: a skipped invitation is the record of why a
-- customer was not asked, and is never retried.
CREATE TABLE invitation (
    id               UUID         PRIMARY KEY,
    survey_id        VARCHAR(63)  NOT NULL REFERENCES survey (id),
    customer_id      VARCHAR(100) NOT NULL,
    customer_email   VARCHAR(254),
    customer_phone   VARCHAR(20),
    customer_name    VARCHAR(200),
    customer_segment VARCHAR(50),
    customer_locale  VARCHAR(10),
    touchpoint       VARCHAR(100),
    status           VARCHAR(10)  NOT NULL CHECK (status IN ('invited', 'skipped')),
    reason           VARCHAR(30),
    -- a reminder points at the original invitation (never at another reminder)
    reminder_of      UUID         REFERENCES invitation (id),
    event_id         VARCHAR(200),
    last_invited_at  TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL,
    CHECK (reminder_of IS NULL OR status = 'invited')
);
-- the contact-frequency query: was this customer asked since ...?
CREATE INDEX invitation_customer_created ON invitation (customer_id, created_at DESC);
-- one invitation per business event, however often the event arrives
CREATE UNIQUE INDEX invitation_event ON invitation (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX invitation_survey ON invitation (survey_id);
CREATE INDEX invitation_reminder_of ON invitation (reminder_of) WHERE reminder_of IS NOT NULL;

-- answers find their invitation (response rate, GET /invitations/{id})
CREATE INDEX IF NOT EXISTS feedback_invitation ON feedback (invitation_id) WHERE invitation_id IS NOT NULL;

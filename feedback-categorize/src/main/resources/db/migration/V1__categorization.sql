-- The first categorization of each feedback, with the copy of the feedback it was made from
-- (this service never reads ingest's tables).
CREATE TABLE categorization (
    feedback_id     UUID         PRIMARY KEY,
    received_at     TIMESTAMPTZ,
    channel         VARCHAR(30),
    customer_id     VARCHAR(100) NOT NULL,
    customer_email  VARCHAR(254) NOT NULL,
    customer_name   VARCHAR(200),
    customer_locale VARCHAR(10),
    nps_score       SMALLINT CHECK (nps_score BETWEEN 0 AND 10),
    nps_class       VARCHAR(20),
    text            TEXT,
    categorized_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX categorization_class ON categorization (nps_class, categorized_at);

-- A customer's request to be forgotten and each service's confirmation. The customer id itself
-- is personal data: only its pseudonym is kept.
CREATE TABLE customer_erasure (
    id            UUID          PRIMARY KEY,
    customer_ref  VARCHAR(40)   NOT NULL,
    erase_text    BOOLEAN       NOT NULL,
    requested_by  VARCHAR(200)  NOT NULL,
    requested_at  TIMESTAMPTZ   NOT NULL,
    completed_at  TIMESTAMPTZ
);

CREATE TABLE customer_erasure_confirmation (
    erasure_id     UUID          NOT NULL REFERENCES customer_erasure (id),
    service        VARCHAR(60)   NOT NULL,
    rows_affected  BIGINT        NOT NULL,
    confirmed_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (erasure_id, service)
);

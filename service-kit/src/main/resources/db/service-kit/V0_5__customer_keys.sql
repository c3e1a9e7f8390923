-- Customers' data keys (crypto-shredding): personal fields of events are sealed with their
-- customer's key; an erasure destroys it, which makes every copy on every topic unreadable.
-- The key owner (feedback-ingest) creates them; the other services learn them from customer.keys.v1.
CREATE TABLE customer_key (
    key_id       UUID PRIMARY KEY,
    customer_ref VARCHAR(64) NOT NULL,
    wrapped_key  BYTEA,                 -- wrapped with the master key; NULL once destroyed
    created_at   TIMESTAMPTZ NOT NULL,
    destroyed_at TIMESTAMPTZ,
    CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);
-- one live key per customer; destroyed ones stay as markers, so a late event is known to be erased
CREATE UNIQUE INDEX customer_key_live ON customer_key (customer_ref) WHERE destroyed_at IS NULL;

-- Customers erased here (by keyed pseudonym, never the id): an event about one of them that
-- arrives after the erasure (from another topic, a lagging partition or a replay) changes nothing.
CREATE TABLE erased_customer (
    customer_ref VARCHAR(64) PRIMARY KEY,
    erased_at    TIMESTAMPTZ NOT NULL
);
-- Which customer an outbox row is about, so an erasure drops their events not yet sent.
ALTER TABLE outbox_event ADD COLUMN customer_ref VARCHAR(64);
CREATE INDEX outbox_event_unsent_customer ON outbox_event (customer_ref) WHERE sent_at IS NULL;

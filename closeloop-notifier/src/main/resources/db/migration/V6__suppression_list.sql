-- Addresses whose owner opted out of a channel, as keyed hashes (HMAC with the pseudonym secret,
-- Pseudonyms.addressHash), never the address. An opt-out belongs to the address as much as to the
-- customer record: it outlives the customer's erasure, so the same address arriving again (a
-- re-import, a new customer id) is not written to. An explicit opt-in removes the entry.
CREATE TABLE suppressed_address (
    address_hash  VARCHAR(64)  NOT NULL,
    channel       VARCHAR(20)  NOT NULL,
    -- how the opt-out was given (unsubscribe link, preferences API, a standing opt-out): never an address
    reason        VARCHAR(100) NOT NULL,
    suppressed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (address_hash, channel)
);

-- When the customer the message was for was erased: a late delivery receipt then records no
-- provider text (it may name the phone number we no longer know), and the message is never retried.
ALTER TABLE follow_up ADD COLUMN erased_at TIMESTAMPTZ;

-- Feedback that arrived after its customer's erasure (topics are not ordered with each other):
-- nothing of it is stored but its id, so that its comment, which may come later still on a topic
-- of its own, is dropped too instead of waiting as a pending comment for ever.
CREATE TABLE erased_feedback (
    feedback_id UUID        PRIMARY KEY,
    noted_at    TIMESTAMPTZ NOT NULL
);

-- An erasure finds a customer's categorizations by their id (and the corrections, pending
-- comments and outbox events of those) without reading the whole table.
CREATE INDEX categorization_customer ON categorization (customer_id);

-- The words a customer wrote may hold their own address, phone or name ("call me on +7 916 ..."):
-- an erasure of contact data only (eraseText false) keeps the words but takes those out of them.
-- Literal and case-insensitive; values shorter than 3 characters are left alone, since they would
-- cut into ordinary words.
CREATE FUNCTION without_contact_data(words TEXT, contact_data TEXT[], replacement TEXT) RETURNS TEXT
    LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    contact TEXT;
BEGIN
    IF words IS NULL OR contact_data IS NULL THEN
        RETURN words;
    END IF;
    FOREACH contact IN ARRAY contact_data LOOP
        IF length(contact) >= 3 THEN
            -- '***=' makes the rest of the pattern a literal string: an address is no regular expression
            words := regexp_replace(words, '***=' || contact, replacement, 'gi');
        END IF;
    END LOOP;
    RETURN words;
END
$$;

-- A follow-up owed to a customer without an address on its channel is recorded as suppressed.
ALTER TABLE follow_up ALTER COLUMN recipient DROP NOT NULL;

-- The trace of the event that owed the message, continued when the message is finally sent.
ALTER TABLE follow_up ADD COLUMN trace_parent VARCHAR(64);
